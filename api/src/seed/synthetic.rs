//! `learning-city seed --synthetic`: a large, made-up data set for benchmarks. Every name in it
//! says it is synthetic ("Synthetic city 00042", "เมืองสังเคราะห์ 00042", "Synthetic network 07",
//! the award programme, cycle, categories, framework, rounds and evaluator accounts), and none of
//! it is attached to a real record: real countries, provinces and the coordinates of the seeded
//! real cities only give it a realistic shape.
//!
//! The rows are written as the API's own workflow leaves them (an award cycle moved through
//! every stage to `published`, nominations decided, evaluations assigned, scored, submitted and
//! finalised, monitoring rounds published), in one transaction, with multi-row inserts. The
//! generator is deterministic: the same sizes on the same reference data give the same data.

/// Runs one multi-row insert of `values` into `table`. Batch inserts need the concrete
/// connection: the multi-backend connection only inserts row by row.
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $values:expr) => {{
        let values = $values;
        match $conn {
            crate::db::DbConnection::Sqlite(c) => {
                diesel::insert_into($table).values(values).execute(c)
            }
            crate::db::DbConnection::Postgresql(c) => {
                diesel::insert_into($table).values(values).execute(c)
            }
        }
    }};
}

mod judging;
mod places;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::SeedError;
use crate::db::schema::{award_cycles, award_programmes};
use crate::db::DbConnection;

/// The synthetic award programme's slug; its presence marks a database holding the data set.
pub const PROGRAMME: &str = "synthetic-learning-city-award";

/// The synthetic evaluation framework's slug.
pub const FRAMEWORK: &str = "synthetic-framework-v1";

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Synthetic cities.
    pub cities: usize,
    /// Synthetic networks.
    pub networks: usize,
    /// Score rows wanted; the nearest multiple of the framework's scored criteria is loaded.
    pub scores: usize,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            cities: 10_000,
            networks: 50,
            scores: 200_000,
        }
    }
}

/// What a synthetic load wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub cities: usize,
    pub networks: usize,
    pub memberships: usize,
    /// Evaluator accounts (inactive, with a password nobody knows).
    pub evaluators: usize,
    /// The id of the published synthetic award cycle.
    pub award_cycle: i64,
    pub categories: usize,
    pub nominations: usize,
    /// Published monitoring rounds.
    pub rounds: usize,
    /// Final evaluations.
    pub evaluations: usize,
    /// Score rows.
    pub scores: usize,
    /// Scored criteria per evaluation.
    pub criteria: usize,
    /// A nominated city, for benchmarks of a city's detail and evaluation summaries.
    pub sample_city: String,
    /// The network with the most members.
    pub sample_network: String,
}

/// The result of a synthetic load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The data set was loaded.
    Loaded(Loaded),
    /// The database already holds it (its award cycle id); nothing was written.
    Present { award_cycle: i64 },
}

/// Loads the synthetic data set unless it is there. Call inside a transaction.
pub fn synthetic(
    conn: &mut DbConnection,
    sizes: Sizes,
    password_hash: &str,
) -> Result<Outcome, SeedError> {
    if let Some(award_cycle) = present(conn)? {
        return Ok(Outcome::Present { award_cycle });
    }
    let clock = Clock::new(crate::db::now());
    let mut rng = Rng(0x5EED_2026);
    let places = places::load(conn, &mut rng, &clock, sizes)?;
    let judged = judging::load(
        conn,
        &mut rng,
        &clock,
        &places.cities,
        sizes.scores,
        password_hash,
    )?;
    let sample_city = judged
        .sample_city
        .and_then(|i| places.cities.get(i))
        .or_else(|| places.cities.first())
        .map(|c| c.slug.clone())
        .unwrap_or_default();
    Ok(Outcome::Loaded(Loaded {
        cities: places.cities.len(),
        networks: places.networks,
        memberships: places.memberships,
        evaluators: judged.evaluators,
        award_cycle: judged.award_cycle,
        categories: judged.categories,
        nominations: judged.nominations,
        rounds: judged.rounds,
        evaluations: judged.evaluations,
        scores: judged.scores,
        criteria: judged.criteria,
        sample_city,
        sample_network: places.biggest_network,
    }))
}

/// The synthetic award cycle's id when the data set is loaded.
fn present(conn: &mut DbConnection) -> Result<Option<i64>, SeedError> {
    Ok(award_cycles::table
        .inner_join(award_programmes::table)
        .filter(award_programmes::slug.eq(PROGRAMME))
        .select(award_cycles::id)
        .first(conn)
        .optional()?)
}

/// Bound parameters per multi-row insert: well below SQLite's limit (32,766) and PostgreSQL's
/// (65,535).
const PARAMETERS_PER_INSERT: usize = 16_000;

/// Rows per multi-row insert of a table with `columns` columns.
fn rows_per_insert(columns: usize) -> usize {
    (PARAMETERS_PER_INSERT / columns.max(1)).max(1)
}

/// The synthetic story's timeline: it starts 30 days before the load and ends before it.
struct Clock {
    start: NaiveDateTime,
}

impl Clock {
    fn new(now: NaiveDateTime) -> Clock {
        Clock {
            start: now - chrono::Duration::days(30),
        }
    }

    /// The moment `days` (fractional) after the start, to the microsecond.
    fn at(&self, days: f64) -> NaiveDateTime {
        // At most 30 days in microseconds: far inside i64.
        let micros = (days * 86_400_000_000.0) as i64;
        self.start + chrono::Duration::microseconds(micros)
    }

    /// The calendar year of the load.
    fn year(&self) -> i32 {
        use chrono::Datelike;
        (self.start + chrono::Duration::days(30)).year()
    }
}

/// A small deterministic generator (SplitMix64), so that every synthetic database of the same
/// sizes holds the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        // 53 random bits: exactly representable.
        let bits = (self.next() >> 11) as f64;
        bits / 9_007_199_254_740_992.0
    }

    /// Uniform in 0..n (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next() % u64::try_from(n).unwrap_or(u64::MAX)).unwrap_or_default()
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Standard normal (Box-Muller).
    fn normal(&mut self) -> f64 {
        let u = 1.0 - self.unit();
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// A random permutation of 0..n.
    fn shuffled(&mut self, n: usize) -> Vec<usize> {
        let mut out: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            out.swap(i, self.below(i + 1));
        }
        out
    }
}

/// A number zero-padded to at least `width` digits, as in "Synthetic city 00042".
fn numbered(n: usize, width: usize) -> String {
    format!("{n:0width$}")
}

/// The padding width for numbers up to `count`.
fn width_for(count: usize, minimum: usize) -> usize {
    count.to_string().len().max(minimum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_is_deterministic_and_in_range() {
        let (mut a, mut b) = (Rng(7), Rng(7));
        let xs: Vec<u64> = (0..5).map(|_| a.next()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next()).collect();
        assert_eq!(xs, ys);
        let mut r = Rng(1);
        assert!((0..1000).all(|_| (0.0..1.0).contains(&r.unit())));
        assert!((0..1000).all(|_| r.below(7) < 7));
        let mut order = r.shuffled(100);
        order.sort_unstable();
        assert_eq!(order, (0..100).collect::<Vec<_>>());
        let mean = (0..10_000).map(|_| r.normal()).sum::<f64>() / 10_000.0;
        assert!(mean.abs() < 0.05, "{mean}");
    }

    #[test]
    fn names_are_padded() {
        assert_eq!(numbered(42, width_for(10_000, 5)), "00042");
        assert_eq!(numbered(7, width_for(50, 2)), "07");
        assert_eq!(numbered(7, width_for(120_000, 5)), "000007");
    }

    #[test]
    fn inserts_stay_under_parameter_limits() {
        assert_eq!(rows_per_insert(16), 1000);
        assert!(rows_per_insert(6) * 6 <= PARAMETERS_PER_INSERT);
        assert_eq!(rows_per_insert(100_000), 1);
    }
}
