"""The reliability and security suite: each part drives the real service over HTTP."""
