"""How a disclosure's text is worded and cut: the vocabulary the recognizer and the rules share.

The narrative's sentences and clauses (`sentences`: the one cut, which the model's `Sentence`s come from),
its amounts and clause marks (`tokens`), its topic labels (`subjects`), scopes
(`scopes`), headings (`headings`), stated percents (`percents`), functional names and chains
(`functional`), the parts an item is used for (`item_parts`) and the parts after a 其中 (`breakdowns`);
the words of table headers (`columns`) and the indicator levels of a performance table
(`indicator_levels`). Nothing here builds a Disclosure: the recognizer reads the document with these,
and the checks, the composer and the writers read the prose through them, never through the recognizer.
"""
