"""What the screens and reports read (views/)."""
