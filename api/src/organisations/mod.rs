//! Organisations: the bodies behind the networks, award programmes, events and initiatives,
//! with their dated and sourced roles. Networks and programmes answer theirs as links.

pub mod queries;
pub mod routes;
pub mod types;
