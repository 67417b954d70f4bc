package pagelens.core.cases;

import java.time.ZonedDateTime;

/** The people-facing part of a case. Blank fields are allowed and shown as "not given". */
public record CaseInfo(String title, String ticketId, String analyst, String organisation, ZonedDateTime date, String notes) {

    public CaseInfo {
        title = title == null || title.isBlank() ? "PageLens findings" : title;
        ticketId = ticketId == null ? "" : ticketId;
        analyst = analyst == null ? "" : analyst;
        organisation = organisation == null ? "" : organisation;
        notes = notes == null ? "" : notes;
        date = date == null ? ZonedDateTime.now() : date;
    }
}
