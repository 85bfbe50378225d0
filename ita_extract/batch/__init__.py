"""The batch: discovering inputs, one document's work, and the executors that
run documents (in process, in worker processes, or on a Dask cluster)."""
