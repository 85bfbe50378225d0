"""From page items to the contract's rows: sections, records and checks."""
