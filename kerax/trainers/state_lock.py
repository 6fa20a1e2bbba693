"""The lock held while compiled code reads the variables' arrays, runs and stores their new values, so that
`fit`, `predict` and `model(x)` in several threads never use a donated buffer or lose an update."""
import threading

STATE_LOCK = threading.RLock()
