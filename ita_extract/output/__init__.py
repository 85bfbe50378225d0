"""Writing the contract's tables as Hive-partitioned Parquet datasets."""
