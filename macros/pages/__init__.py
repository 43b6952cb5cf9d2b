"""The pages the data produces and their addresses: which pages exist and how each is made
(`catalogue`), their search entries (`search_sections`), the plan page's data file (`plan_data`),
old addresses of renamed records (`redirects`), the link check (`links`) and the date printed
on paper (`data_date`). Built on the model and rendering layers; MkDocs is not imported here."""
