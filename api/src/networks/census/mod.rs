//! A network's census: the sizes its organisers reported on given dates (members, countries,
//! new members), each with its sources. They are kept beside the members recorded here, never
//! mixed with them: a network answers both `member_count` (recorded) and `reported` (the last
//! census entry). Entries are written by bulk import.

pub mod input;
pub mod queries;
pub mod routes;
pub mod types;
pub mod writes;
