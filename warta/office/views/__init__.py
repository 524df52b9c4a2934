"""The staff workspace's views, one module per job: inbox, runs, the step screens, the register, oversight."""
