"""Notifications: channels that send a Notification(title, body, urgency), and delivery of the
outbox through them.

- notification.py: the Notification, its Urgency, the Channel protocol and ChannelError;
- wording.py: every sentence a notification says (transitions, evidence, the summaries);
- desktop.py, terminal.py, channels.py: the desktop (desktop-notifier: D-Bus on Linux, native on
  macOS and Windows), the terminal (OSC 9, OSC 777 and the bell) and a callback (the TUI's
  toast); `default_channels` makes them once per process;
- delivery.py: claims unsent outbox rows, sends each through every channel, records which
  worked.

A channel that fails raises ChannelError; it logs its failure once, not on every delivery, and
once more (at info) when it works again.
"""
