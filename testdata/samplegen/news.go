package main

import (
	"fmt"
	"os"
	"strings"
)

// newsHTML is a saved local news page, invented: the site, the reporter
// and the story are made up. It is written in UTF-8 here and saved as
// Windows-1252, which its <meta charset> declares, as many older news
// sites still do. The page's own header carries the date the page was
// saved (19 April 2024), which is not the article's date (14 March 2024,
// in article:published_time and the byline).
const newsHTML = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="windows-1252">
<title>Haringey children’s services rated ‘good’ by Ofsted | North London Courier</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:title" content="Haringey children’s services rated ‘good’ by Ofsted">
<meta property="og:site_name" content="North London Courier">
<meta property="og:description" content="Inspectors praise ‘remarkable turnaround’ four years after services were judged inadequate.">
<meta property="article:published_time" content="2024-03-14T16:05:00+00:00">
<meta property="article:modified_time" content="2024-03-15T08:40:00+00:00">
<meta property="article:section" content="Local news">
<link rel="stylesheet" href="/static/css/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
</head>
<body class="article-page">
<div id="cookie-banner" class="cookie-consent">
  <p>We use cookies to give you the best experience on our website and to show you relevant adverts. By clicking “Accept all” you agree to our use of cookies. <a href="/cookie-policy">Manage preferences</a></p>
  <button type="button">Accept all</button> <button type="button">Reject non-essential</button>
</div>
<header class="masthead">
  <div class="masthead-date">Friday, 19 April 2024</div>
  <a class="logo" href="/">North London Courier</a>
  <div class="weather">Wood Green 14°C, light showers</div>
  <nav class="main-nav">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/news">News</a></li>
      <li><a href="/sport">Sport</a></li>
      <li><a href="/whats-on">What’s On</a></li>
      <li><a href="/property">Property</a></li>
      <li><a href="/jobs">Jobs</a></li>
      <li><a href="/announcements">Announcements</a></li>
      <li><a href="/subscribe">Subscribe</a></li>
    </ul>
  </nav>
</header>
<div class="advert advert-leaderboard">
  <span class="advert-label">Advertisement</span>
  <a href="/ads/click?id=4471">Spring sale – up to 40% off garden furniture at Tottenham Home &amp; Garden. Ends Sunday!</a>
</div>
<main>
<article class="story">
  <p class="breadcrumb"><a href="/news">News</a> › <a href="/news/haringey">Haringey</a></p>
  <h1>Haringey children’s services rated ‘good’ by Ofsted</h1>
  <p class="standfirst">Inspectors praise a ‘remarkable turnaround’ four years after the borough’s services for vulnerable children were judged inadequate.</p>
  <p class="byline">By Imogen Trask, Local Democracy Reporter · <time datetime="2024-03-14T16:05:00+00:00">14 March 2024, 4.05pm</time></p>
  <figure>
    <img src="/images/2024/03/civic-centre.jpg" alt="Haringey Civic Centre">
    <figcaption>Haringey Civic Centre. Picture: Courier archive</figcaption>
  </figure>
  <p>Children’s services in Haringey have been rated ‘good’ by Ofsted, four years after the borough was judged ‘inadequate’ in January 2020.</p>
  <p>Inspectors who visited the council in late January found that children who need help and protection now receive a timely and effective response, and that strategy discussions are well attended by the police and health services.</p>
  <p>The experiences and progress of care leavers were judged ‘outstanding’, while services for children in care were found to ‘require improvement to be good’.</p>
  <div class="advert advert-inline">
    <span class="advert-label">Advertisement</span>
    <a href="/ads/click?id=5120">Looking for a new career? Foster with North London Family Placements – find out more at our open evening.</a>
  </div>
  <p>The report said leaders had “a clear and accurate understanding of the service” and that social workers were “proud to work in Haringey”.</p>
  <p>But inspectors said the council should improve “the timeliness of permanence planning for children in care, so that children do not wait too long to know where they will grow up”.</p>
  <p>They also recommended that the council strengthen “the quality of return home interviews for children who go missing”.</p>
  <p>The council’s cabinet member for children said: “This is a huge achievement for our staff, who have worked incredibly hard to make sure that every child gets the help they need. We know there is more to do, and we will not stand still.”</p>
  <p>When services were rated inadequate in 2020, inspectors found that too many children were left in situations of risk for too long. The council has since received three monitoring visits.</p>
  <p class="related">Read more: <a href="/news/haringey-budget-2024">Council sets £1.2m extra for children’s social care</a></p>
</article>
<aside class="sidebar">
  <h2>Most read</h2>
  <ol>
    <li><a href="/news/enfield-bin-collections">Bin collection changes across Enfield from May</a></li>
    <li><a href="/news/tottenham-high-road-closure">High Road closed for two weekends of roadworks</a></li>
    <li><a href="/sport/non-league-cup-run">Non-league side’s cup run ends in penalty heartbreak</a></li>
  </ol>
  <div class="advert advert-mpu">
    <span class="advert-label">Advertisement</span>
    <a href="/ads/click?id=3308">Compare energy deals in minutes</a>
  </div>
  <h2>Newsletter</h2>
  <form action="/newsletter"><input type="email" placeholder="Your email"> <button>Sign up</button></form>
</aside>
</main>
<footer class="site-footer">
  <ul>
    <li><a href="/about">About us</a></li>
    <li><a href="/contact">Contact</a></li>
    <li><a href="/privacy">Privacy notice</a></li>
    <li><a href="/cookie-policy">Cookie policy</a></li>
    <li><a href="/complaints">Complaints</a></li>
  </ul>
  <p>© 2024 North London Courier Ltd. All rights reserved. Registered in England and Wales.</p>
  <p>Page generated Friday, 19 April 2024 09:12</p>
</footer>
<script src="/static/js/ads.js"></script>
</body>
</html>
`

// cp1252 holds the characters outside ASCII and Latin-1 that the page
// uses, with their Windows-1252 bytes.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92,
	'“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '›': 0x9B,
}

// toWindows1252 encodes s, failing on any character the code page lacks.
func toWindows1252(s string) ([]byte, error) {
	var b strings.Builder
	for _, r := range s {
		switch c, ok := cp1252[r]; {
		case ok:
			b.WriteByte(c)
		case r < 0x80 || (r >= 0xA0 && r <= 0xFF):
			b.WriteByte(byte(r))
		default:
			return nil, fmt.Errorf("encode %q: not in Windows-1252", r)
		}
	}
	return []byte(b.String()), nil
}

func writeNews(path string) error {
	b, err := toWindows1252(newsHTML)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.WriteFile(path, b, 0o644)
}
