//! Strict query-string handling: unknown parameters are refused, and each parameter is checked
//! with a message that names it. All problems of one request are reported together.

use actix_web::error::QueryPayloadError;
use actix_web::HttpRequest;

use crate::db::TextEnum;
use crate::error::{ApiError, FieldError};
use crate::pagination::{Cursor, DEFAULT_LIMIT, MAX_LIMIT};

/// Turns a query string that does not deserialise (unknown or repeated parameter) into a problem.
pub fn query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let message = match &err {
        QueryPayloadError::Deserialize(e) => e.to_string(),
        other => other.to_string(),
    };
    let field = message
        .split('`')
        .nth(1)
        .map(str::to_owned)
        .unwrap_or_else(|| "query".to_owned());
    let message = if message.starts_with("unknown field") {
        format!("unknown parameter `{field}`; {}", expected_part(&message))
    } else if message.starts_with("duplicate field") {
        format!("parameter `{field}` is given more than once")
    } else {
        message
    };
    ApiError::InvalidQuery(vec![FieldError::new(field, message)]).into()
}

/// Refuses a query string whose percent-decoded bytes are not UTF-8 with a 400 `invalid_query`
/// problem, before any handler sees it: the query parser would otherwise replace the bytes
/// with U+FFFD and search for that.
pub async fn utf8_only<B: actix_web::body::MessageBody + 'static>(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<B>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    if !decodes_to_utf8(req.query_string()) {
        let problem = ApiError::InvalidQuery(vec![FieldError::new(
            "query",
            "the query string is not UTF-8 once percent-decoded",
        )]);
        return Ok(req.error_response(problem));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// Whether `query`, with `%XX` escapes decoded, is UTF-8 (an incomplete escape is kept as it
/// is, as the query parser does).
fn decodes_to_utf8(query: &str) -> bool {
    if !query.contains('%') {
        return true;
    }
    let bytes = query.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    std::str::from_utf8(&decoded).is_ok()
}

/// The "expected one of ..." tail of serde's unknown-field message, reworded.
fn expected_part(message: &str) -> String {
    match message.split_once("expected ") {
        Some((_, rest)) => format!("accepted: {rest}"),
        None => "this operation accepts no query parameters".to_owned(),
    }
}

/// A sort order chosen from a whitelist; `-` before a field name means descending.
pub trait SortParam: Sized + Copy {
    /// Every accepted value, as the client writes it.
    const ALLOWED: &'static [&'static str];
    /// The order used when `sort` is absent.
    const DEFAULT: Self;
    /// The variant for an accepted value.
    fn parse(value: &str) -> Option<Self>;
    /// The value as the client writes it (also stored in cursors).
    fn as_str(&self) -> &'static str;
}

/// Collects parameter errors while converting raw strings into typed filters.
#[derive(Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    /// Records an error for `field`.
    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    /// `limit`: an integer from 1 to 200, default 50.
    pub fn limit(&mut self, raw: Option<&str>) -> i64 {
        match raw {
            None => DEFAULT_LIMIT,
            Some(v) => match v.parse::<i64>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    self.fail(
                        "limit",
                        format!("must be an integer from 1 to {MAX_LIMIT}, got `{v}`"),
                    );
                    DEFAULT_LIMIT
                }
            },
        }
    }

    /// `sort`: one of the whitelisted orders.
    pub fn sort<S: SortParam>(&mut self, raw: Option<&str>) -> S {
        match raw {
            None => S::DEFAULT,
            Some(v) => S::parse(v).unwrap_or_else(|| {
                self.fail(
                    "sort",
                    format!("must be one of {}, got `{v}`", S::ALLOWED.join(", ")),
                );
                S::DEFAULT
            }),
        }
    }

    /// A value from a fixed list (an enum parameter).
    pub fn one_of<'a>(
        &mut self,
        field: &str,
        raw: Option<&'a str>,
        allowed: &[&str],
    ) -> Option<&'a str> {
        let v = raw?;
        if allowed.contains(&v) {
            Some(v)
        } else {
            self.fail(
                field,
                format!("must be one of {}, got `{v}`", allowed.join(", ")),
            );
            None
        }
    }

    /// A value of the closed set `E`.
    pub fn enumerated<E: TextEnum>(&mut self, field: &str, raw: Option<&str>) -> Option<E> {
        self.one_of(field, raw, E::VALUES).and_then(E::parse)
    }

    /// An ISO 3166-1 alpha-2 code (two ASCII letters, any case), returned upper-cased.
    pub fn country(&mut self, field: &str, raw: Option<&str>) -> Option<String> {
        let v = raw?;
        if v.len() == 2 && v.chars().all(|c| c.is_ascii_alphabetic()) {
            Some(v.to_ascii_uppercase())
        } else {
            self.fail(
                field,
                format!("must be an ISO 3166-1 alpha-2 code such as TH, got `{v}`"),
            );
            None
        }
    }

    /// An ISO 3166-2:TH province code such as `TH-56`, returned upper-cased.
    pub fn province(&mut self, field: &str, raw: Option<&str>) -> Option<String> {
        let v = raw?;
        let upper = v.to_ascii_uppercase();
        match upper.strip_prefix("TH-") {
            Some(n) if n.len() == 2 && n.chars().all(|c| c.is_ascii_digit()) => Some(upper),
            _ => {
                self.fail(
                    field,
                    format!("must be an ISO 3166-2:TH code such as TH-56, got `{v}`"),
                );
                None
            }
        }
    }

    /// A slug: lower-case ASCII letters, digits and `-`.
    pub fn slug(&mut self, field: &str, raw: Option<&str>) -> Option<String> {
        let v = raw?;
        if !v.is_empty()
            && v.len() <= 100
            && v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            Some(v.to_owned())
        } else {
            self.fail(field, format!("must be a slug (a-z, 0-9 and -), got `{v}`"));
            None
        }
    }

    /// A free-text search term: 1 to 100 characters after trimming.
    pub fn search(&mut self, field: &str, raw: Option<&str>) -> Option<String> {
        let v = raw?.trim();
        let chars = v.chars().count();
        if (1..=100).contains(&chars) {
            Some(v.to_owned())
        } else {
            self.fail(field, "must be 1 to 100 characters");
            None
        }
    }

    /// A positive integer id.
    pub fn id(&mut self, field: &str, raw: Option<&str>) -> Option<i64> {
        let raw = raw?;
        match raw.parse::<i64>() {
            Ok(v) if v > 0 => Some(v),
            _ => {
                self.fail(field, format!("must be a positive integer id, got `{raw}`"));
                None
            }
        }
    }

    /// A year from 1900 to 2200.
    pub fn year(&mut self, field: &str, raw: Option<&str>) -> Option<i32> {
        let raw = raw?;
        match raw.parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => {
                self.fail(
                    field,
                    format!("must be a year from 1900 to 2200, got `{raw}`"),
                );
                None
            }
        }
    }

    /// A year range: `2020` (that year), `2019..2022` (inclusive), `2020..` or `..2022`.
    pub fn year_range(&mut self, field: &str, raw: Option<&str>) -> Option<YearRange> {
        let v = raw?;
        let year = |s: &str| -> Result<Option<i32>, ()> {
            if s.is_empty() {
                return Ok(None);
            }
            match s.parse::<i32>() {
                Ok(y) if (1900..=2200).contains(&y) => Ok(Some(y)),
                _ => Err(()),
            }
        };
        let parsed = match v.split_once("..") {
            Some((from, to)) => year(from).and_then(|f| year(to).map(|t| (f, t))),
            None => year(v).map(|y| (y, y)),
        };
        match parsed {
            Ok((from, to)) if from.is_some() || to.is_some() => {
                if let (Some(f), Some(t)) = (from, to) {
                    if f > t {
                        self.fail(field, format!("the range `{v}` ends before it starts"));
                        return None;
                    }
                }
                Some(YearRange { from, to })
            }
            _ => {
                self.fail(
                    field,
                    format!(
                        "must be a year (1900-2200) or a range such as 2019..2022, 2020.. or ..2022, got `{v}`"
                    ),
                );
                None
            }
        }
    }

    /// Ends the checks: every collected error as one problem, or the cursor decoded for `sort`
    /// of `list`.
    pub fn finish(
        self,
        cursor: Option<&str>,
        list: &str,
        sort: &str,
    ) -> Result<Option<Cursor>, ApiError> {
        if !self.errors.is_empty() {
            return Err(ApiError::InvalidQuery(self.errors));
        }
        cursor
            .map(|raw| Cursor::decode(raw, list, sort))
            .transpose()
    }
}

/// An inclusive range of years; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRange {
    /// The first year, if bounded below.
    pub from: Option<i32>,
    /// The last year, if bounded above.
    pub to: Option<i32>,
}

/// Declares a sort whitelist enum and its [`SortParam`] implementation.
#[macro_export]
macro_rules! sort_param {
    ($(#[doc = $doc:literal])* $name:ident default $default:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        // Written by hand: the derive does not see a `rename` given through a macro fragment
        // and would document the variant names instead of the accepted values.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let doc: &[&str] = &[$($doc),*];
                let description = doc.iter().map(|line| line.trim()).collect::<Vec<_>>().join("\n");
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description((!description.is_empty()).then_some(description))
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl $crate::query::SortParam for $name {
            const ALLOWED: &'static [&'static str] = &[$($text),+];
            const DEFAULT: Self = $name::$default;
            fn parse(value: &str) -> Option<Self> {
                match value { $($text => Some($name::$variant),)+ _ => None }
            }
            fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_escapes_must_decode_to_utf8() {
        assert!(decodes_to_utf8("q=phayao&limit=5"));
        assert!(decodes_to_utf8("q=%E0%B8%9E%E0%B8%B0"));
        assert!(decodes_to_utf8("q=100%"));
        assert!(decodes_to_utf8("q=%zz"));
        assert!(!decodes_to_utf8("q=%ff%fe"));
        assert!(!decodes_to_utf8("q=%E0%B8"));
    }

    #[test]
    fn year_ranges() {
        let mut c = Checker::default();
        assert_eq!(
            c.year_range("y", Some("2020")),
            Some(YearRange {
                from: Some(2020),
                to: Some(2020)
            })
        );
        assert_eq!(
            c.year_range("y", Some("2019..")),
            Some(YearRange {
                from: Some(2019),
                to: None
            })
        );
        assert_eq!(
            c.year_range("y", Some("..2022")),
            Some(YearRange {
                from: None,
                to: Some(2022)
            })
        );
        assert_eq!(c.errors.len(), 0);
        for bad in ["..", "20x", "2022..2019", "1800", "2019...2020"] {
            assert_eq!(c.year_range("y", Some(bad)), None, "{bad}");
        }
        assert_eq!(c.errors.len(), 5);
    }

    #[test]
    fn limits_and_codes() {
        let mut c = Checker::default();
        assert_eq!(c.limit(None), 50);
        assert_eq!(c.limit(Some("200")), 200);
        c.limit(Some("0"));
        c.limit(Some("201"));
        c.limit(Some("-1"));
        assert_eq!(c.country("country", Some("th")), Some("TH".into()));
        assert_eq!(c.country("country", Some("THA")), None);
        assert_eq!(c.province("province", Some("th-56")), Some("TH-56".into()));
        assert_eq!(c.province("province", Some("TH-5")), None);
        assert_eq!(c.errors.len(), 5);
    }
}

/// The query of an operation that takes no query parameters: any parameter is refused.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct NoQuery {}
