//! Where every public fact comes from: the sources attached to a record
//! (`{url, title, publisher, published_on, accessed_on}`), and the mark on a record whose text
//! is not verified, with the reason. Any kind of record can carry them; they are read with the
//! record ([`queries`]) and written with it, in the same transaction and audit entry
//! ([`writes`]), from the body fields `sources` and `unverified_reason` ([`input`]).

pub mod input;
pub mod queries;
pub mod types;
pub mod writes;

pub use types::{Entity, Provenance, Source};
