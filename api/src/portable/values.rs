//! Column values between each backend and the file's one spelling of them.
//!
//! Rows are read as one JSON array per row, built by the database (`json_array` on SQLite,
//! `json_build_array` on PostgreSQL), and every value is then brought to the file's form by its
//! column's [`Kind`], so that the same data exported from either backend gives the same lines.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::backend::Backend;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, Bool, Date, Double, HasSqlType, Nullable, Text, Timestamp};
use serde_json::Value;

use super::catalog::{Column, Kind};

/// The file's form of a timestamp (always six fractional digits, always UTC).
const TIMESTAMP_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";
/// The file's form of a date.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// A double-quoted SQL identifier (column and table names come from the database's own catalog
/// and [`super::catalog::TABLES`], never from the file).
pub fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The SQLite expression that reads `column` for `json_array`. Floats are printed with 17
/// significant digits (`json_array` itself keeps only 15), so that every double survives.
pub fn sqlite_read(column: &Column) -> String {
    let name = quoted(&column.name);
    match column.kind {
        Kind::Float => {
            format!("CASE WHEN {name} IS NULL THEN NULL ELSE printf('%!.17g', {name}) END")
        }
        _ => name,
    }
}

/// The file's form of a value as the database wrote it into its JSON array.
pub fn canonical(kind: Kind, value: Value) -> Result<Value, String> {
    if value.is_null() {
        return Ok(Value::Null);
    }
    let bad = |value: &Value| format!("{value} is not a {kind:?} value");
    match kind {
        Kind::Integer => value.as_i64().map(Value::from).ok_or_else(|| bad(&value)),
        Kind::Float => {
            let number = match &value {
                Value::String(text) => text.parse::<f64>().ok(),
                other => other.as_f64(),
            };
            number
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number)
                .ok_or_else(|| bad(&value))
        }
        Kind::Text => match value {
            Value::String(_) => Ok(value),
            other => Err(bad(&other)),
        },
        Kind::Boolean => match &value {
            Value::Bool(_) => Ok(value),
            Value::Number(n) if n.as_i64() == Some(0) => Ok(Value::Bool(false)),
            Value::Number(n) if n.as_i64() == Some(1) => Ok(Value::Bool(true)),
            other => Err(bad(other)),
        },
        Kind::Timestamp => value
            .as_str()
            .and_then(parse_timestamp)
            .map(|t| Value::String(t.format(TIMESTAMP_FORMAT).to_string()))
            .ok_or_else(|| bad(&value)),
        Kind::Date => value
            .as_str()
            .and_then(|text| NaiveDate::parse_from_str(text, DATE_FORMAT).ok())
            .map(|d| Value::String(d.format(DATE_FORMAT).to_string()))
            .ok_or_else(|| bad(&value)),
    }
}

/// A timestamp as either backend or the file writes it: `T` or a space between date and time,
/// any number of fractional digits, an optional `Z`.
fn parse_timestamp(text: &str) -> Option<NaiveDateTime> {
    let text = text.strip_suffix('Z').unwrap_or(text).replacen(' ', "T", 1);
    NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S%.f").ok()
}

/// `query` with the values of `rows`, file rows of columns of `kinds`, bound in order.
pub fn bind_rows<DB>(
    mut query: BoxedSqlQuery<'static, DB, SqlQuery>,
    kinds: &[Kind],
    rows: &[Vec<Value>],
) -> Result<BoxedSqlQuery<'static, DB, SqlQuery>, String>
where
    DB: Backend
        + HasSqlType<BigInt>
        + HasSqlType<Double>
        + HasSqlType<Text>
        + HasSqlType<Bool>
        + HasSqlType<Timestamp>
        + HasSqlType<Date>,
    i64: ToSql<BigInt, DB>,
    f64: ToSql<Double, DB>,
    String: ToSql<Text, DB>,
    bool: ToSql<Bool, DB>,
    NaiveDateTime: ToSql<Timestamp, DB>,
    NaiveDate: ToSql<Date, DB>,
{
    for row in rows {
        for (kind, value) in kinds.iter().zip(row) {
            query = bind(query, *kind, value)?;
        }
    }
    Ok(query)
}

/// `query` with `value`, a file value of a column of `kind`, bound as its next parameter.
fn bind<DB>(
    query: BoxedSqlQuery<'static, DB, SqlQuery>,
    kind: Kind,
    value: &Value,
) -> Result<BoxedSqlQuery<'static, DB, SqlQuery>, String>
where
    DB: Backend
        + HasSqlType<BigInt>
        + HasSqlType<Double>
        + HasSqlType<Text>
        + HasSqlType<Bool>
        + HasSqlType<Timestamp>
        + HasSqlType<Date>,
    i64: ToSql<BigInt, DB>,
    f64: ToSql<Double, DB>,
    String: ToSql<Text, DB>,
    bool: ToSql<Bool, DB>,
    NaiveDateTime: ToSql<Timestamp, DB>,
    NaiveDate: ToSql<Date, DB>,
{
    // `None` for JSON null; a value that is present but does not read as `kind` is refused.
    fn read<T>(value: &Value, kind: Kind, v: Option<T>) -> Result<Option<T>, String> {
        if v.is_none() && !value.is_null() {
            return Err(format!("{value} is not a {kind:?} value"));
        }
        Ok(v)
    }
    Ok(match kind {
        Kind::Integer => query.bind::<Nullable<BigInt>, _>(read(value, kind, value.as_i64())?),
        Kind::Float => query.bind::<Nullable<Double>, _>(read(value, kind, value.as_f64())?),
        Kind::Text => {
            query.bind::<Nullable<Text>, _>(read(value, kind, value.as_str().map(str::to_owned))?)
        }
        Kind::Boolean => query.bind::<Nullable<Bool>, _>(read(value, kind, value.as_bool())?),
        Kind::Timestamp => query.bind::<Nullable<Timestamp>, _>(read(
            value,
            kind,
            value.as_str().and_then(parse_timestamp),
        )?),
        Kind::Date => query.bind::<Nullable<Date>, _>(read(
            value,
            kind,
            value
                .as_str()
                .and_then(|text| NaiveDate::parse_from_str(text, DATE_FORMAT).ok()),
        )?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_backends_spellings_meet() {
        assert_eq!(
            canonical(Kind::Timestamp, json!("2026-11-23 10:00:00.5")).unwrap(),
            json!("2026-11-23T10:00:00.500000Z")
        );
        assert_eq!(
            canonical(Kind::Timestamp, json!("2026-11-23T10:00:00")).unwrap(),
            json!("2026-11-23T10:00:00.000000Z")
        );
        assert_eq!(canonical(Kind::Boolean, json!(1)).unwrap(), json!(true));
        assert_eq!(
            canonical(Kind::Boolean, json!(false)).unwrap(),
            json!(false)
        );
        assert_eq!(
            canonical(Kind::Float, json!("0.10000000000000001")).unwrap(),
            json!(0.1)
        );
        assert_eq!(canonical(Kind::Float, json!(3)).unwrap(), json!(3.0));
        assert_eq!(canonical(Kind::Integer, json!(null)).unwrap(), json!(null));
    }

    #[test]
    fn doubles_read_back_exactly() {
        // Needs serde_json's `float_roundtrip`: its default parser can be one unit in the last
        // place off, which moved such values on every export and import.
        let value: Value = serde_json::from_str("40.925925925925924").unwrap();
        assert_eq!(value.as_f64(), Some(40.925_925_925_925_924));
        let written = canonical(Kind::Float, json!("40.925925925925924")).unwrap();
        assert_eq!(written.to_string(), "40.925925925925924");
    }

    #[test]
    fn wrong_values_are_refused() {
        assert!(canonical(Kind::Integer, json!("7")).is_err());
        assert!(canonical(Kind::Boolean, json!(2)).is_err());
        assert!(canonical(Kind::Date, json!("2026-13-01")).is_err());
        assert!(canonical(Kind::Text, json!(5)).is_err());
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quoted("name"), "\"name\"");
        assert_eq!(quoted("a\"b"), "\"a\"\"b\"");
    }
}
