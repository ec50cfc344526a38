//! The `learning-city` binary.

use std::process::ExitCode;

#[actix_web::main]
async fn main() -> ExitCode {
    learning_city::cli::run().await
}
