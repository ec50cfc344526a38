//! The black-box HTTP tests of the service, as one test binary: each module covers one area of
//! the API and runs its tests against the real server on both SQLite and PostgreSQL; `common`
//! holds the harness they share.

#[macro_use]
mod common;

mod accounts;
mod awards;
mod cities;
mod contract;
mod cross_backend;
mod evaluations;
mod events;
mod health;
mod imports;
mod moving;
mod networks;
mod open_data;
mod operations;
mod organisations;
mod problems;
mod published_scores;
mod reference;
mod replica;
mod stewardship;
mod synthetic;
mod tokens;
mod web_app;
mod writes;
