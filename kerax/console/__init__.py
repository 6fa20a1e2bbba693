"""Talking to the user on the console: the progress bar of fit and of custom loops."""
