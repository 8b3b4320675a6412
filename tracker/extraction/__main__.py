import sys

from tracker.extraction.cli import main

sys.exit(main())
