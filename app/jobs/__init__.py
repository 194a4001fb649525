"""Jobs: submitting URLs, the job rows and their lifecycle, dispatch to the queue, callbacks."""
