#!/usr/bin/env python
from startup_street.__main__ import main

if __name__ == "__main__":
    main()
