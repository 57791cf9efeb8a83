//! Native integration tests (one binary; see the modules below).
