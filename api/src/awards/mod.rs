//! Awards: programmes, their cycles and categories, nominations and decisions, and the awards a
//! city won. Each sub-resource has its own folder; the pure rules are in [`rules`].

pub mod categories;
pub mod city_awards;
pub mod cycles;
pub mod nominations;
pub mod programmes;
pub mod rules;

use crate::auth::routes::STAFF;
use crate::auth::{Caller, Role};

/// Who is reading, as far as visibility goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Anyone: published and running cycles, results once published.
    Public,
    /// Admin and secretariat: everything.
    Staff,
    /// A city editor: public data plus their own city's nominations.
    Editor(i64),
}

impl Reader {
    /// How much of the awards data the caller may see.
    pub fn of(caller: &Caller) -> Reader {
        match caller {
            Caller::User(u) if STAFF.contains(&u.role) => Reader::Staff,
            Caller::User(u) if u.role == Role::CityEditor => {
                u.city_id.map_or(Reader::Public, Reader::Editor)
            }
            _ => Reader::Public,
        }
    }
}
