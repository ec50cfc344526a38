//! Cursor (keyset) pagination: the page size rules and the opaque cursor format.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

/// Page size when `limit` is not given.
pub const DEFAULT_LIMIT: i64 = 50;
/// The largest `limit` accepted.
pub const MAX_LIMIT: i64 = 200;

/// The sort key value of the last row on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SortKey {
    /// An integer key (population, year, ...).
    Int(i64),
    /// A text key (folded name, code, ...).
    Text(String),
}

/// Where the next page starts: after the row with sort key `key` and tie-breaker `id`.
///
/// Encoded as base64url JSON; clients treat it as opaque. The list and sort it was issued for
/// are part of it (`"cities:name"`), so a cursor cannot be replayed against another list or
/// ordering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    #[serde(rename = "s")]
    pub sort: String,
    #[serde(rename = "k")]
    pub key: SortKey,
    #[serde(rename = "i")]
    pub id: SortKey,
}

impl Cursor {
    /// Refuses a cursor whose key and tie-breaker are not of the kinds this list sorts by
    /// (text or integer).
    pub fn expect(&self, text_key: bool, text_id: bool) -> Result<(), ApiError> {
        let fits = matches!(self.key, SortKey::Text(_)) == text_key
            && matches!(self.id, SortKey::Text(_)) == text_id;
        if fits {
            Ok(())
        } else {
            Err(ApiError::InvalidCursor(
                "the cursor does not fit this list; start again without `cursor`".to_owned(),
            ))
        }
    }

    /// The opaque string form.
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    /// Parses a cursor that must have been issued for `sort` of `list`.
    pub fn decode(raw: &str, list: &str, sort: &str) -> Result<Cursor, ApiError> {
        let sort = &scoped(list, sort);
        let invalid = || {
            ApiError::InvalidCursor(
                "the cursor is not one this list issued; start again without `cursor`".to_owned(),
            )
        };
        if raw.len() > 1024 {
            return Err(invalid());
        }
        let bytes = URL_SAFE_NO_PAD.decode(raw).map_err(|_| invalid())?;
        let cursor: Cursor = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
        if cursor.sort != *sort {
            return Err(ApiError::InvalidCursor(format!(
                "the cursor was issued for `{}`, not `{sort}`",
                cursor.sort
            )));
        }
        Ok(cursor)
    }
}

/// The list-and-sort label a cursor carries.
fn scoped(list: &str, sort: &str) -> String {
    format!("{list}:{sort}")
}

/// Cuts the `limit + 1` rows a query fetched down to one page, and builds the next cursor from the
/// last row kept when there were more.
pub fn paginate<T>(
    mut rows: Vec<T>,
    limit: i64,
    list: &str,
    sort: &str,
    key_of: impl Fn(&T) -> (SortKey, SortKey),
) -> (Vec<T>, Option<String>) {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    if rows.len() <= limit {
        return (rows, None);
    }
    rows.truncate(limit);
    let next = rows.last().map(|row| {
        let (key, id) = key_of(row);
        Cursor {
            sort: scoped(list, sort),
            key,
            id,
        }
        .encode()
    });
    (rows, next)
}

/// A filter or sort expression in raw SQL that can be added to any boxed query.
pub type SqlCondition<QS> = Box<
    dyn diesel::expression::BoxableExpression<
        QS,
        crate::db::MultiBackend,
        SqlType = diesel::sql_types::Bool,
    >,
>;

/// The keyset condition "rows after the cursor" for an order by `key_expr` then `id_expr`
/// (both descending when `desc`). Cursor values are bound, never spliced into the SQL.
pub fn after_cursor<QS>(
    key_expr: &str,
    id_expr: &str,
    desc: bool,
    cursor: &Cursor,
) -> SqlCondition<QS> {
    use diesel::dsl::sql;
    use diesel::sql_types::{BigInt, Bool, Text};
    let op = if desc { "<" } else { ">" };
    let head = sql::<Bool>(&format!("({key_expr} {op} "));
    let mid = format!(" OR ({key_expr} = ");
    let tail = format!(" AND {id_expr} {op} ");
    macro_rules! finish {
        ($k:ty, $kv:expr, $i:ty, $iv:expr) => {
            Box::new(
                head.bind::<$k, _>($kv.clone())
                    .sql(&mid)
                    .bind::<$k, _>($kv.clone())
                    .sql(&tail)
                    .bind::<$i, _>($iv.clone())
                    .sql("))"),
            )
        };
    }
    match (&cursor.key, &cursor.id) {
        (SortKey::Int(k), SortKey::Int(i)) => finish!(BigInt, k, BigInt, i),
        (SortKey::Int(k), SortKey::Text(i)) => finish!(BigInt, k, Text, i),
        (SortKey::Text(k), SortKey::Int(i)) => finish!(Text, k, BigInt, i),
        (SortKey::Text(k), SortKey::Text(i)) => finish!(Text, k, Text, i),
    }
}

/// `ORDER BY key_expr, id_expr` in one direction, as an expression for `order_by`.
pub fn order_sql(
    key_expr: &str,
    id_expr: &str,
    desc: bool,
) -> diesel::expression::SqlLiteral<diesel::sql_types::Text> {
    let dir = if desc { "DESC" } else { "ASC" };
    diesel::dsl::sql(&format!("{key_expr} {dir}, {id_expr} {dir}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_is_bound_to_its_sort() {
        let cursor = Cursor {
            sort: "cities:name".into(),
            key: SortKey::Text("chiang mai".into()),
            id: SortKey::Int(7),
        };
        let raw = cursor.encode();
        assert_eq!(Cursor::decode(&raw, "cities", "name").ok(), Some(cursor));
        assert!(Cursor::decode(&raw, "cities", "-name").is_err());
        assert!(Cursor::decode(&raw, "networks", "name").is_err());
        assert!(Cursor::decode("not-a-cursor", "cities", "name").is_err());
    }

    #[test]
    fn paginate_sets_next_cursor_only_when_more_rows_exist() {
        let (rows, next) = paginate(vec![1, 2, 3], 3, "cities", "name", |r| {
            (SortKey::Int(*r), SortKey::Int(*r))
        });
        assert_eq!((rows.len(), next), (3, None));
        let (rows, next) = paginate(vec![1, 2, 3, 4], 3, "cities", "name", |r| {
            (SortKey::Int(*r), SortKey::Int(*r))
        });
        assert_eq!(rows, vec![1, 2, 3]);
        let next = Cursor::decode(&next.unwrap_or_default(), "cities", "name").ok();
        assert_eq!(next.map(|c| c.key), Some(SortKey::Int(3)));
    }
}
