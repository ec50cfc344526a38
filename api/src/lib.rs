//! Thailand Learning City Platform: the JSON REST API service.
//!
//! The modules stand in layers. A module uses modules of its own layer and of the layers below
//! it, never one above (`scripts/check-layers` holds the code to this list):
//!
//! 1. Foundations: [`error`], [`config`], [`text`], [`types`], [`memory`]
//! 2. Storage and request reading: [`db`], [`pagination`], [`query`], [`input`]
//! 3. Callers: [`auth`], [`usage`]
//! 4. HTTP plumbing: [`http`]
//! 5. Downloads: [`open_data::export`]
//! 6. What resources share: [`listing`], [`archive`], [`audit`], [`provenance`]
//! 7. Resources: [`reference`], [`networks`], [`cities`], [`memberships`], [`initiatives`],
//!    [`organisations`], [`events`], [`awards`], [`evaluations`], [`users`], [`api_keys`],
//!    [`health`], [`observability`]
//! 8. Open data across the resources: [`open_data::stats`], [`open_data::datasets`],
//!    [`open_data::changes`]; the data-quality workspace: [`data_quality`]; bulk import:
//!    [`imports`]
//! 9. The service put together: [`routes`], [`openapi`], [`seed`], [`portable`], [`startup`],
//!    [`cli`]

pub mod api_keys;
pub mod archive;
pub mod audit;
pub mod auth;
pub mod awards;
pub mod cities;
pub mod cli;
pub mod config;
pub mod data_quality;
pub mod db;
pub mod error;
pub mod evaluations;
pub mod events;
pub mod health;
pub mod http;
pub mod imports;
pub mod initiatives;
pub mod input;
pub mod listing;
pub mod memberships;
pub mod memory;
pub mod networks;
pub mod observability;
pub mod open_data;
pub mod openapi;
pub mod organisations;
pub mod pagination;
pub mod portable;
pub mod provenance;
pub mod query;
pub mod reference;
pub mod routes;
pub mod seed;
pub mod startup;
pub mod text;
pub mod types;
pub mod usage;
pub mod users;
