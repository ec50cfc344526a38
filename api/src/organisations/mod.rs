//! Organisations: the bodies behind the networks, award programmes, events and initiatives,
//! with their dated and sourced roles, kept by staff. Networks and programmes answer theirs as
//! links.

pub mod input;
pub mod queries;
pub mod roles;
pub mod routes;
pub mod types;
pub mod writes;
