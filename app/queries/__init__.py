"""Every SQL statement the application runs is built here, one module per resource."""
