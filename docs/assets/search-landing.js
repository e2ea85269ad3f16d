// A search result that opens a page at its top still lands on the passage:
// once Material has highlighted the term (?h=...), bring the first match into view.
document$.subscribe(() => {
  const url = new URL(location.href)
  if (!url.searchParams.get("h") || url.hash) return
  const article = document.querySelector("article")
  if (!article) return
  const show = () => {
    const mark = article.querySelector("mark")
    if (mark) mark.scrollIntoView({ block: "center" })
    return Boolean(mark)
  }
  if (show()) return
  const observer = new MutationObserver(() => show() && observer.disconnect())
  observer.observe(article, { childList: true, subtree: true })
  setTimeout(() => observer.disconnect(), 5000)
})
