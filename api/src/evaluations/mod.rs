//! Evaluations: frameworks and their criteria, monitoring rounds, conflicts of interest, the
//! scoring of cities by evaluators, and the published results built from it.

use crate::auth::routes::STAFF;
use crate::auth::User;

pub mod aggregate;
pub mod conflicts;
pub mod frameworks;
pub mod results;
pub mod rounds;
pub mod scoring;
pub mod tree;

/// Who may see which evaluations and conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Admin and secretariat: everything.
    Staff,
    /// An evaluator (user id): their own only.
    Evaluator(i64),
}

impl Viewer {
    /// The viewer a signed-in user is.
    pub fn of(user: &User) -> Viewer {
        if STAFF.contains(&user.role) {
            Viewer::Staff
        } else {
            Viewer::Evaluator(user.id)
        }
    }
}
