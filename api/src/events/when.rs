//! Event dates and times: local dates and `HH:MM` times in an IANA time zone, turned into
//! instants only where a time is known, and the day numbers the list orders and filters by.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::types::{DatePrecision, EventWhen};

/// The time zone of an event when none is given.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Bangkok";

/// A date as the number `YYYYMMDD`, which orders like the date.
pub fn day_number(date: NaiveDate) -> i32 {
    date.year() * 10_000 + i32::try_from(date.month() * 100 + date.day()).unwrap_or(0)
}

/// Reads a local time `HH:MM` (00:00 to 23:59).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    if text.len() != 5 {
        return None;
    }
    NaiveTime::parse_from_str(text, "%H:%M").ok()
}

/// Reads an IANA time zone name.
pub fn parse_zone(text: &str) -> Option<Tz> {
    text.parse::<Tz>().ok()
}

/// The instant of `time` on `date` in `zone`, with the zone's offset then. `None` when the
/// local time does not exist there (skipped by a clock change); of two (a repeated hour), the
/// earlier.
pub fn instant(date: NaiveDate, time: NaiveTime, zone: Tz) -> Option<DateTime<FixedOffset>> {
    zone.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|at| at.with_timezone(&at.offset().fix()))
}

/// The dates of an event as stored.
pub struct StoredWhen<'a> {
    pub year: Option<i32>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub starts_at: Option<&'a str>,
    pub ends_at: Option<&'a str>,
    pub time_zone: &'a str,
}

impl StoredWhen<'_> {
    /// The API form, with instants where times are known.
    pub fn to_api(&self) -> EventWhen {
        let zone = parse_zone(self.time_zone).unwrap_or(Tz::Asia__Bangkok);
        let at = |date: Option<NaiveDate>, time: Option<&str>| {
            date.zip(time.and_then(parse_time))
                .and_then(|(d, t)| instant(d, t, zone))
        };
        let precision = if self.starts_on.is_some() {
            DatePrecision::Day
        } else if self.year.is_some() {
            DatePrecision::Year
        } else {
            DatePrecision::Unknown
        };
        EventWhen {
            precision,
            year: self.year,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            starts_at: self.starts_at.map(str::to_owned),
            ends_at: self.ends_at.map(str::to_owned),
            time_zone: self.time_zone.to_owned(),
            start: at(self.starts_on, self.starts_at),
            end: at(self.ends_on.or(self.starts_on), self.ends_at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_order_like_dates() {
        let a = NaiveDate::from_ymd_opt(2024, 10, 29).unwrap();
        let b = NaiveDate::from_ymd_opt(2025, 1, 2).unwrap();
        assert_eq!(day_number(a), 20_241_029);
        assert!(day_number(a) < day_number(b));
    }

    #[test]
    fn times_are_hours_and_minutes_only() {
        assert!(parse_time("09:30").is_some());
        assert!(parse_time("9:30").is_none());
        assert!(parse_time("24:00").is_none());
        assert!(parse_time("09:30:00").is_none());
    }

    #[test]
    fn a_skipped_local_time_has_no_instant() {
        let zone = parse_zone("Pacific/Auckland").unwrap();
        let spring = NaiveDate::from_ymd_opt(2024, 9, 29).unwrap();
        assert!(instant(spring, parse_time("02:30").unwrap(), zone).is_none());
        let bangkok = instant(
            spring,
            parse_time("09:00").unwrap(),
            parse_zone(DEFAULT_TIME_ZONE).unwrap(),
        )
        .unwrap();
        assert_eq!(bangkok.to_rfc3339(), "2024-09-29T09:00:00+07:00");
    }
}
