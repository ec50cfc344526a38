//! Events: the gatherings of the learning-city networks (Learning City Week, the Academy and
//! Forum, conferences, award ceremonies, network announcements, seminars and webinars), with
//! their series, agendas, participating cities and organisers. Staff publish them; city editors
//! propose their city's for the secretariat to publish.

pub mod calendar;
pub mod input;
pub mod queries;
pub mod routes;
pub mod types;
pub mod when;
pub mod writes;
