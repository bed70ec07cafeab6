import sys

from labelcore.cli import main

sys.exit(main())
