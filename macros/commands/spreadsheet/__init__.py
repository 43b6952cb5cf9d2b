"""The spreadsheet round trip: the data as one workbook (`make export`), and edits made there back into data/ (`make import`)."""
