//! Thailand Learning City Platform: the JSON REST API service.
//!
//! Layers, bottom up: [`error`], [`config`], [`text`] -> [`db`], [`pagination`], [`query`] ->
//! [`seed`] -> resources ([`reference`], [`cities`], [`networks`], [`health`]) -> [`routes`],
//! [`fallback`] -> [`openapi`], [`startup`] -> [`cli`].

pub mod cities;
pub mod cli;
pub mod config;
pub mod db;
pub mod error;
pub mod fallback;
pub mod health;
pub mod networks;
pub mod openapi;
pub mod pagination;
pub mod query;
pub mod reference;
pub mod routes;
pub mod seed;
pub mod startup;
pub mod text;
pub mod types;
