"""Stage: getting the inputs and unpacking them. The upstream sdist (upstream.py) and every other pinned file (the
library sources, OpenCV's Windows release, the Windows CPython) come bundled, local, cached or from the package
index pip is set up for (fetch.py, index.py, download.py, with net.py's timeouts and retries), sha256-checked on
every use, and are extracted safely (archive.py, sevenzip.py)."""
