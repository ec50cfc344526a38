//! Requests counted per API key and day. Counting is in memory (no database write per
//! request); [`Usage::flush`] adds the counts to `api_key_usage`, every few seconds and at
//! shutdown, and readers add what is not flushed yet, so the figures are exact on one instance.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::api_key_usage;
use crate::db::DbConnection;
use crate::error::ApiError;

/// Unflushed counts by (key, day).
#[derive(Default)]
pub struct Usage {
    pending: Mutex<HashMap<(i64, NaiveDate), i64>>,
    /// Held while counts move from memory to the database, and by readers, so that a reader
    /// never sees a count in both places or in neither.
    moving: Mutex<()>,
}

impl Usage {
    /// Counts one request with key `key`.
    pub fn count(&self, key: i64) {
        let day = chrono::Utc::now().date_naive();
        if let Ok(mut pending) = self.pending.lock() {
            *pending.entry((key, day)).or_default() += 1;
        }
    }

    /// Writes the pending counts (added to what is stored) and forgets them.
    pub fn flush(&self, conn: &mut DbConnection) -> Result<(), ApiError> {
        let _moving = self
            .moving
            .lock()
            .map_err(|_| ApiError::Internal("usage lock poisoned".to_owned()))?;
        let pending: Vec<((i64, NaiveDate), i64)> = match self.pending.lock() {
            Ok(mut pending) => pending.drain().collect(),
            Err(_) => return Err(ApiError::Internal("usage counter lock poisoned".to_owned())),
        };
        for ((key, day), requests) in pending {
            // Only integers and a date this service formatted go into the statement.
            diesel::sql_query(format!(
                "INSERT INTO api_key_usage (key_id, day, requests) VALUES ({key}, '{day}', {requests}) \
                 ON CONFLICT (key_id, day) DO UPDATE SET requests = api_key_usage.requests + excluded.requests"
            ))
            .execute(conn)?;
        }
        Ok(())
    }

    /// Requests per day of one key, newest first: stored plus pending.
    pub fn of_key(
        &self,
        conn: &mut DbConnection,
        key: i64,
    ) -> Result<Vec<(NaiveDate, i64)>, ApiError> {
        let _moving = self
            .moving
            .lock()
            .map_err(|_| ApiError::Internal("usage lock poisoned".to_owned()))?;
        let mut days: HashMap<NaiveDate, i64> = api_key_usage::table
            .filter(api_key_usage::key_id.eq(key))
            .select((api_key_usage::day, api_key_usage::requests))
            .load::<(NaiveDate, i64)>(conn)?
            .into_iter()
            .collect();
        if let Ok(pending) = self.pending.lock() {
            for ((k, day), n) in pending.iter() {
                if *k == key {
                    *days.entry(*day).or_default() += n;
                }
            }
        }
        let mut out: Vec<(NaiveDate, i64)> = days.into_iter().collect();
        out.sort_by_key(|d| std::cmp::Reverse(d.0));
        Ok(out)
    }
}
