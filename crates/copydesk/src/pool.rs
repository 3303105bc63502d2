//! The thread pools `Pipeline::analyze_many` runs on: one per (process, thread count),
//! shared by every pipeline in the process, the Python binding included.
//!
//! Keyed by process id so that a child created by `fork` (Spark and `multiprocessing`
//! workers fork a Python process that may already hold pools) never uses the parent's
//! threads, which do not exist in the child: it builds its own.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use crate::error::Error;

/// Pools by (process id, thread count).
type PoolMap = HashMap<(u32, usize), Arc<rayon::ThreadPool>>;

static POOLS: LazyLock<Mutex<PoolMap>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The thread count used when none is configured: `RAYON_NUM_THREADS` if set to a
/// positive number, else the number of cores.
pub(crate) fn default_threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The pool of `threads` threads of this process (`None`: [`default_threads`]), built on
/// first use. `Some(0)` is a configuration error.
pub(crate) fn get(threads: Option<usize>) -> Result<Arc<rayon::ThreadPool>, Error> {
    let n = match threads {
        Some(0) => return Err(Error::Config("threads must be at least 1".into())),
        Some(n) => n,
        None => default_threads(),
    };
    let key = (std::process::id(), n);
    let mut pools = POOLS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(p) = pools.get(&key) {
        return Ok(p.clone());
    }
    // Pools of a parent process (after fork) are dead: forget them.
    pools.retain(|(pid, _), _| *pid == key.0);
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("copydesk-{i}"))
            .build()?,
    );
    pools.insert(key, pool.clone());
    Ok(pool)
}
