//! Coalescing of concurrent misses: when several requests miss the same answer at once, the
//! first computes it and the others wait for that computation instead of each running the same
//! queries. Right after a write every popular answer misses at once, so this turns a burst of
//! readers into one computation per answer. A computation that ends in an answer that is not
//! kept (an error, such as 503 while the database is away) hands it to its waiters, so they do
//! not each wait as long again.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::watch;

use super::Answer;

/// What a computation hands its waiters when it ends: an answer that was not kept, or nothing
/// (the answer was kept in the cache, or the computation was given up).
type Outcome = Option<Arc<Answer>>;

/// A computation under way: the cache generation its answer will be kept under, and the
/// channel its waiters listen on (it closes when the computation ends).
struct InFlight {
    generation: u64,
    done: watch::Receiver<Outcome>,
}

/// The computations under way, by cache key, and their counters.
#[derive(Default)]
pub(super) struct Flights {
    by_key: Mutex<HashMap<String, InFlight>>,
    coalesced: AtomicU64,
    waiting: AtomicI64,
}

/// A request's part in computing an answer that is not kept yet.
pub(super) enum Role<'a> {
    /// This request computes the answer; the others wait until the guard is dropped.
    Leader(Leading<'a>),
    /// Another request is computing it: [`Flights::wait`] on this.
    Follower(watch::Receiver<Outcome>),
}

/// Held by the request computing an answer. Dropping it (the answer kept, the request failed,
/// or the client went away) wakes every waiter: the sender closes after the key has left the
/// map, or after a newer computation of the same key has taken its place.
pub(super) struct Leading<'a> {
    flights: &'a Flights,
    key: String,
    done: watch::Sender<Outcome>,
}

impl Leading<'_> {
    /// Hands `answer`, which is not kept, to the requests waiting for this computation.
    pub(super) fn share(&self, answer: Answer) {
        self.done.send_replace(Some(Arc::new(answer)));
    }
}

impl Drop for Leading<'_> {
    fn drop(&mut self) {
        let mut by_key = self.flights.by_key();
        if by_key
            .get(&self.key)
            .is_some_and(|f| f.done.same_channel(&self.done.subscribe()))
        {
            by_key.remove(&self.key);
        }
    }
}

/// Counts a request as waiting for as long as it lives, also when the client goes away and
/// the wait is dropped half-way.
struct Waiting<'a>(&'a AtomicI64);

impl<'a> Waiting<'a> {
    fn new(gauge: &'a AtomicI64) -> Waiting<'a> {
        gauge.fetch_add(1, Ordering::Relaxed);
        Waiting(gauge)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Flights {
    fn by_key(&self) -> MutexGuard<'_, HashMap<String, InFlight>> {
        // Each holder of the lock makes one insert, lookup or removal, so a panic cannot leave
        // the map half-changed: a poisoned lock is still usable.
        self.by_key.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Joins the computation of `key` for the cache `generation` under way, or starts one. A
    /// computation for an older generation (started before an invalidation) is not joined: its
    /// answer could not be used. The new one takes its place.
    pub(super) fn join(&self, key: &str, generation: u64) -> Role<'_> {
        let mut by_key = self.by_key();
        if let Some(running) = by_key.get(key).filter(|f| f.generation == generation) {
            return Role::Follower(running.done.clone());
        }
        let (done, receiver) = watch::channel(None);
        by_key.insert(
            key.to_owned(),
            InFlight {
                generation,
                done: receiver,
            },
        );
        Role::Leader(Leading {
            flights: self,
            key: key.to_owned(),
            done,
        })
    }

    /// Waits until the computation `done` belongs to ends, and returns the answer it shared.
    pub(super) async fn wait(&self, mut done: watch::Receiver<Outcome>) -> Outcome {
        let _waiting = Waiting::new(&self.waiting);
        // Returns when an answer is shared, or when the computation ends without one and its
        // sender is dropped.
        match done.changed().await {
            Ok(()) => done.borrow().clone(),
            Err(_) => None,
        }
    }

    /// Counts a request answered by another request's computation.
    pub(super) fn count_coalesced(&self) {
        self.coalesced.fetch_add(1, Ordering::Relaxed);
    }

    /// Requests answered by another request's computation, so far.
    pub(super) fn coalesced(&self) -> u64 {
        self.coalesced.load(Ordering::Relaxed)
    }

    /// Requests waiting now.
    pub(super) fn waiting(&self) -> i64 {
        self.waiting.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A computation of `k` under way and a request waiting for it.
    fn leader_and_waiter(flights: &Flights) -> (Leading<'_>, watch::Receiver<Outcome>) {
        let (Role::Leader(leader), Role::Follower(done)) =
            (flights.join("k", 0), flights.join("k", 0))
        else {
            panic!("the first request should compute and the second wait");
        };
        (leader, done)
    }

    #[test]
    fn one_leader_per_key_and_generation() {
        let flights = Flights::default();
        let first = flights.join("k", 1);
        assert!(matches!(first, Role::Leader(_)));
        assert!(matches!(flights.join("k", 1), Role::Follower(_)));
        assert!(matches!(flights.join("other", 1), Role::Leader(_)));
        // After an invalidation the old computation is not joined, and when it ends it leaves
        // the newer one in place.
        let newer = flights.join("k", 2);
        assert!(matches!(newer, Role::Leader(_)));
        drop(first);
        assert!(matches!(flights.join("k", 2), Role::Follower(_)));
        drop(newer);
        assert!(matches!(flights.join("k", 2), Role::Leader(_)));
    }

    #[actix_web::test]
    async fn waiters_wake_when_the_leader_ends_and_are_counted_while_waiting() {
        let flights = Flights::default();
        let (leader, done) = leader_and_waiter(&flights);
        let waiting = flights.wait(done);
        tokio::pin!(waiting);
        assert!(futures_util::poll!(waiting.as_mut()).is_pending());
        assert_eq!(flights.waiting(), 1);
        drop(leader);
        assert!(waiting.await.is_none(), "nothing was shared");
        assert_eq!(flights.waiting(), 0);
    }

    #[actix_web::test]
    async fn an_answer_not_kept_is_handed_to_the_waiters() {
        let flights = Flights::default();
        let (leader, early) = leader_and_waiter(&flights);
        leader.share(Answer {
            status: actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
            headers: actix_web::http::header::HeaderMap::new(),
            body: actix_web::web::Bytes::from_static(b"{}"),
        });
        // A request that joins after the answer was shared, before the leader leaves, gets it
        // too.
        let Role::Follower(late) = flights.join("k", 0) else {
            panic!("the third request should wait");
        };
        drop(leader);
        for done in [early, late] {
            let shared = flights.wait(done).await.expect("the shared answer");
            assert_eq!(shared.status, 503);
        }
    }

    #[actix_web::test]
    async fn a_wait_given_up_is_no_longer_counted() {
        let flights = Flights::default();
        let (_leader, done) = leader_and_waiter(&flights);
        {
            let waiting = flights.wait(done);
            tokio::pin!(waiting);
            assert!(futures_util::poll!(waiting.as_mut()).is_pending());
            assert_eq!(flights.waiting(), 1);
        }
        assert_eq!(flights.waiting(), 0);
    }
}
