//! Thailand Learning City Platform: the JSON REST API service.
//!
//! Layers, bottom up: [`error`], [`config`], [`text`] -> [`db`], [`pagination`], [`query`],
//! [`input`], [`etag`] -> [`auth`], [`audit`], [`seed`] -> resources ([`reference`], [`cities`],
//! [`networks`], [`memberships`], [`users`], [`api_keys`], [`health`]) -> [`routes`],
//! [`fallback`], [`security`] -> [`openapi`], [`startup`] -> [`cli`].

pub mod api_keys;
pub mod audit;
pub mod auth;
pub mod awards;
pub mod caching;
pub mod changes;
pub mod cities;
pub mod cli;
pub mod config;
pub mod datasets;
pub mod db;
pub mod error;
pub mod etag;
pub mod evaluations;
pub mod export;
pub mod fallback;
pub mod health;
pub mod input;
pub mod manual;
pub mod memberships;
pub mod memory;
pub mod networks;
pub mod observability;
pub mod openapi;
pub mod pagination;
pub mod portable;
pub mod query;
pub mod reference;
pub mod response_cache;
pub mod routes;
pub mod security;
pub mod seed;
pub mod spa;
pub mod startup;
pub mod stats;
pub mod text;
pub mod types;
pub mod usage;
pub mod users;
