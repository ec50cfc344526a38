//! The `learning-city` binary.

use std::process::ExitCode;

fn main() -> ExitCode {
    learning_city::memory::tune_allocator();
    learning_city::db::configure_sqlite();
    actix_web::rt::System::new().block_on(learning_city::cli::run())
}
