"""Training the few learned parts of claimgraph from public corpora (``claimgraph train``).

Everything trained here is small enough to ship in the package and is loaded offline;
each artefact records its provenance (corpus, split, counts, settings)."""
