//! Events as an iCalendar feed (RFC 5545): one `VEVENT` per event whose days are known, with a
//! stable `UID` (the event's id, which survives a change of slug), a `SEQUENCE` that grows with
//! every change, times as UTC instants (so no `VTIMEZONE` is needed and every client places
//! them right) and whole days as dates. Text is escaped and lines are folded at 75 octets
//! without splitting a character, so Thai text stays intact.

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate, Utc};

use super::types::Event;

/// The media type of the feed.
pub const MEDIA_TYPE: &str = "text/calendar; charset=utf-8";

/// Whether `accept` asks for a calendar rather than JSON.
pub fn wanted(accept: &str) -> bool {
    accept.contains("text/calendar")
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line is longer than 75 octets (§3.1).
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The `VEVENT` of `event`, or nothing when its days are not known. `base` is the absolute
/// address of the API (`https://host`), for `URL`.
fn vevent(out: &mut String, event: &Event, base: &str) {
    let when = &event.when;
    let Some(starts_on) = when.starts_on else {
        return;
    };
    line(out, "BEGIN:VEVENT");
    line(
        out,
        &format!("UID:event-{}@learning-city-platform", event.id),
    );
    line(
        out,
        &format!("DTSTAMP:{}", event.updated_at.format("%Y%m%dT%H%M%SZ")),
    );
    line(out, &format!("SEQUENCE:{}", event.sequence - 1));
    let utc = |at: &chrono::DateTime<chrono::FixedOffset>| {
        at.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string()
    };
    match (&when.start, &when.end) {
        (Some(start), end) => {
            line(out, &format!("DTSTART:{}", utc(start)));
            if let Some(end) = end.as_ref().filter(|end| *end >= start) {
                line(out, &format!("DTEND:{}", utc(end)));
            }
        }
        (None, _) => {
            let last = when.ends_on.unwrap_or(starts_on);
            line(out, &format!("DTSTART;VALUE=DATE:{}", date(starts_on)));
            line(
                out,
                &format!("DTEND;VALUE=DATE:{}", date(last + Duration::days(1))),
            );
        }
    }
    line(out, &format!("SUMMARY:{}", escape(&event.title.en)));
    let mut description = String::new();
    if let Some(th) = &event.title.th {
        description.push_str(th);
        description.push_str("\n\n");
    }
    if let Some(summary) = &event.summary {
        description.push_str(&summary.en);
        if let Some(th) = &summary.th {
            let _ = write!(description, "\n\n{th}");
        }
    }
    if !description.is_empty() {
        line(
            out,
            &format!("DESCRIPTION:{}", escape(description.trim_end())),
        );
    }
    if let Some(venue) = &event.venue {
        let place: Vec<&str> = [
            venue.name.as_ref().map(|n| n.en.as_str()),
            venue.address.as_deref(),
            venue.city.as_ref().map(|c| c.name.en.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !place.is_empty() {
            line(out, &format!("LOCATION:{}", escape(&place.join(", "))));
        }
        if let (Some(lat), Some(lon)) = (venue.latitude, venue.longitude) {
            line(out, &format!("GEO:{lat:.6};{lon:.6}"));
        }
    }
    line(out, &format!("CATEGORIES:{}", event.event_type.as_str()));
    line(out, &format!("URL:{base}/api/v1/events/{}", event.slug));
    line(out, "STATUS:CONFIRMED");
    line(out, "END:VEVENT");
}

/// A calendar named `name` holding `events` (those without known days are left out).
pub fn calendar(name: &str, events: &[Event], base: &str) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        "PRODID:-//Thailand Learning City Platform//Events//EN",
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for event in events {
        vevent(&mut out, event, base);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_thai_lines_fold_between_characters() {
        let mut out = String::new();
        let title = "ก".repeat(40);
        line(&mut out, &format!("SUMMARY:{title}"));
        for piece in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(piece.len() <= 75, "{} octets", piece.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{title}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
