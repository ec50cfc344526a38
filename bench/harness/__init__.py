"""The benchmark harness behind `bench/run`: installs, processes, load, peers and the report."""
