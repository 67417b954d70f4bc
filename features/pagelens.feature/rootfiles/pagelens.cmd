@echo off
rem PageLens launcher for Windows, installed at the root of the product.
rem   pagelens [FILE...]            the workbench (javaw: no console window), opening FILEs as evidence
rem   pagelens <command> [ARGS...]  the headless command line (java, in this console): a plain Java class path of the
rem                                 product's own jars, without the OSGi start-up
setlocal EnableExtensions DisableDelayedExpansion
set "HERE=%~dp0"
if "%HERE:~-1%"=="\" set "HERE=%HERE:~0,-1%"
if defined PAGELENS_HOME (set "STATE=%PAGELENS_HOME%") else (set "STATE=%USERPROFILE%\.pagelens")

rem A Java 21 or newer: PAGELENS_JAVA, a runtime bundled with the product, JAVA_HOME, the PATH, the usual install folders.
rem The major version is read from the runtime's release file (no JVM started), else from java -version.
set "JAVA="
set "FOUND="
if defined PAGELENS_JAVA call :try "%PAGELENS_JAVA%"
if not defined JAVA call :try "%HERE%\jre\bin\java.exe"
if not defined JAVA if defined JAVA_HOME call :try "%JAVA_HOME%\bin\java.exe"
if not defined JAVA for /f "delims=" %%J in ('where java.exe 2^>nul') do if not defined JAVA call :try "%%J"
if not defined JAVA for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\*" "%ProgramFiles%\Java\*" "%ProgramFiles%\Microsoft\*" "%ProgramFiles%\Zulu\*" "%ProgramFiles%\Amazon Corretto\*") do if not defined JAVA call :try "%%~D\bin\java.exe"
if not defined JAVA (
  if not defined FOUND set "FOUND= none"
  call echo pagelens: PageLens needs Java 21 or newer; found:%%FOUND%%. 1>&2
  echo pagelens: install one ^(for example Eclipse Temurin 21 from https://adoptium.net^), then set PAGELENS_JAVA or JAVA_HOME to it. 1>&2
  exit /b 2
)
if defined PAGELENS_HOME (
  if not exist "%STATE%\" mkdir "%STATE%" 2>nul
  if not exist "%STATE%\" (
    echo pagelens: PAGELENS_HOME=%PAGELENS_HOME% cannot be created or written; point it at a folder you can write 1>&2
    exit /b 2
  )
)

rem the headless commands, by the first argument (the same list as the Linux and macOS launcher)
set "COMMANDS= identify scan objects rows log preflight page specimen boot backup xtp report demo calibrate warmup help --help -h --version -V "
set "FIRST=%~1"
if not defined FIRST goto workbench
call set "REST=%%COMMANDS: %FIRST% =%%"
if "%REST%"=="%COMMANDS%" goto workbench

set "CP="
set "MISSING="
for %%P in (pagelens.cli pagelens.core pagelens.report picocli com.fasterxml.jackson.core.jackson-core com.fasterxml.jackson.core.jackson-databind com.fasterxml.jackson.core.jackson-annotations org.apache.pdfbox org.apache.pdfbox.io org.apache.pdfbox.fontbox org.apache.commons.commons-csv org.apache.commons.commons-io org.apache.commons.commons-codec org.apache.commons.commons-logging) do call :addjar %%P
if defined MISSING exit /b 2
rem a class-data archive in the state folder, created on the first run and checked by the JVM on every later one
set "CDS="
if not exist "%STATE%\" mkdir "%STATE%" 2>nul
if exist "%STATE%\" set CDS=-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=%STATE%\cli-windows.jsa"
rem commands that read a file's headers or one page: the quick compiler alone (no profiling, no optimising compiler);
rem about a quarter shorter for identify (even of 1,000 files), boot and page; the others run long loops that need C2
set "JIT="
set "SHORTCMDS= identify boot page help --help -h --version -V "
call set "SREST=%%SHORTCMDS: %FIRST% =%%"
if not "%SREST%"=="%SHORTCMDS%" set "JIT=-XX:TieredStopAtLevel=1"
"%JAVA%" -Xmx192m -XX:+UseSerialGC -Xss2m %CDS% %JIT% -Xlog:disable -Xlog:all=error:stderr "-Djava.util.logging.config.file=%HERE%\logging.properties" -Djava.awt.headless=true -cp "%CP%" pagelens.cli.PageLensCli %*
exit /b %ERRORLEVEL%

:workbench
set "LAUNCHER="
for %%F in ("%HERE%\plugins\org.eclipse.equinox.launcher_*.jar") do if not defined LAUNCHER set "LAUNCHER=%%~fF"
if not defined LAUNCHER (
  echo pagelens: the product is incomplete: no Equinox launcher under %HERE%\plugins 1>&2
  exit /b 2
)
set "JAVAW=%JAVA:java.exe=javaw.exe%"
if not exist "%JAVAW%" set "JAVAW=%JAVA%"
start "PageLens" "%JAVAW%" -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=100000 -XX:Tier4CompileThreshold=100000 -XX:Tier4BackEdgeThreshold=1000000 -Xmx2g "-Djava.util.logging.config.file=%HERE%\logging.properties" -jar "%LAUNCHER%" -install "%HERE%" -configuration "%STATE%\configuration" -data "%STATE%\workspace" -nosplash -application pagelens.ui.app %*
exit /b 0

:try
if not exist "%~1" exit /b 0
set "MAJOR="
set "REL=%~dp1..\release"
if exist "%REL%" for /f "tokens=2 delims==" %%V in ('findstr /b "JAVA_VERSION=" "%REL%"') do for /f "tokens=1,2 delims=." %%M in (%%V) do (
  if "%%M"=="1" (set "MAJOR=%%N") else (set "MAJOR=%%M")
)
if not defined MAJOR for /f "tokens=3" %%V in ('"%~1" -version 2^>^&1 ^| findstr /i "version"') do for /f "tokens=1,2 delims=." %%M in (%%V) do (
  if "%%M"=="1" (set "MAJOR=%%N") else (set "MAJOR=%%M")
)
if not defined MAJOR set "MAJOR=0"
set "FOUND=%FOUND% %~1 (Java %MAJOR%)"
if %MAJOR% GEQ 21 set "JAVA=%~1"
exit /b 0

:addjar
set "J="
for %%F in ("%HERE%\plugins\%1_*.jar") do if not defined J set "J=%%~fF"
if not defined J (
  echo pagelens: the product is incomplete: no %1 jar under %HERE%\plugins 1>&2
  set "MISSING=1"
  exit /b 0
)
if defined CP (set "CP=%CP%;%J%") else (set "CP=%J%")
exit /b 0
