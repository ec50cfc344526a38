//! Allocator settings that keep the resident size of the service close to what it uses.
//!
//! glibc's malloc, untuned, keeps memory the service has freed:
//! - its mmap threshold slides up to the largest block freed so far, so after the first argon2
//!   hash (19 MiB of working memory) every later hash is carved out of a heap arena, and a burst
//!   of logins left the process at several GB that it never gave back;
//! - it opens an arena per thread up to eight per core, and memory freed in one thread's arena is
//!   not reused by another; every HTTP worker builds its application in its own arena.
//!
//! A fixed threshold sends every block of 1 MiB or more straight to `mmap` and back to the
//! system when freed, and two arenas are enough for this service's few busy threads (small
//! allocations are served from per-thread caches without taking an arena's lock).

/// Blocks at least this large are mapped on their own and unmapped when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 1 << 20;

/// At most this many malloc arenas.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const ARENAS: libc::c_int = 2;

/// Applies the settings; call first in `main`, before any thread starts. Elsewhere than glibc
/// it does nothing.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes allocator parameters; it is called before other threads
    // exist, and both parameters are documented for it (mallopt(3)).
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_ARENA_MAX, ARENAS);
    }
}

/// Gives the pages of freed memory back to the system, in every arena. Start-up allocates and
/// frees a lot once (every HTTP worker builds its application and the OpenAPI paths of its
/// routes), and glibc keeps those pages, in the middle of its heaps, until told otherwise.
/// Elsewhere than glibc it does nothing.
pub fn release_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` is thread-safe and only returns free pages (malloc_trim(3)).
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Counts the HTTP workers that have built their application and calls [`release_free`] when
/// the last of them has.
pub struct StartupRelease {
    expected: usize,
    built: std::sync::atomic::AtomicUsize,
}

impl StartupRelease {
    /// For a server of `workers` workers.
    pub fn new(workers: usize) -> StartupRelease {
        StartupRelease {
            expected: workers,
            built: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Called by each worker once its application is built.
    pub fn worker_built(&self) {
        let built = self.built.fetch_add(1, std::sync::atomic::Ordering::AcqRel) + 1;
        if built == self.expected {
            release_free();
        }
    }
}
