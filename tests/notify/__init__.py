"""Notifications: channels, wording, delivery, and end to end over a real D-Bus bus."""
