// The words of page furniture (page-furniture.ts), in the languages of the evaluation
// corpora: whole-block phrases ("Continue reading", "Order Reprints"), "Read more:" labels,
// date lines, credit and source lines, calls to act and author-box labels. Patterns only:
// where they apply and how far a match reaches is page-furniture.ts's business.

export const PHRASE = new RegExp(
  '^(?:' +
    [
      'continue reading',
      'keep reading',
      'read more',
      'read (?:the )?(?:full|whole|rest of the|complete) (?:story|article|post|review)',
      '(?:click|tap) here to (?:subscribe|sign up|read more|continue)',
      'subscribe(?: now| here| today)?',
      '(?:order )?reprints?',
      'print(?: this)?(?: article| page| story)?',
      "today'?s paper",
      '(?:share|email|e-mail)(?: this)?(?: article| story| page| post)?',
      '(?:get|sign up for|subscribe to) (?:the |our )?.{0,60}newsletters?(?: (?:in|to) your inbox)?',
      // Headings of related-story, most-read and rating boxes, in the corpus languages.
      'related(?: stories| articles| posts| content| links)?',
      'more (?:stories|articles|news)',
      'you (?:may|might) also like',
      'most (?:read|popular|viewed)',
      'was this (?:article|page|post) (?:helpful|useful)',
      '(?:das )?könnte (?:dich|sie) (?:auch )?interessieren',
      'mehr (?:zum thema|themen)',
      '(?:weitere|neueste) (?:artikel|beiträge|nachrichten|themen)',
      'meist(?:-| )?(?:gelesen|diskutiert)',
      'wie bewerten sie diesen artikel',
      'war (?:der|dieser) artikel (?:hilfreich|nützlich)',
      'möchten sie (?:den|diesen) artikel teilen',
      'te puede interesar',
      '(?:noticias|artículos) relacionad[oa]s',
      'vous aimerez aussi',
      'sur le même sujet',
      'articles similaires',
      'polecane(?: artykuły)?',
      // Links back to the list or up the page.
      '(?:go )?back(?: to (?:top|overview|the top))?',
      'zurück(?: zur übersicht| nach oben)?',
      'nach oben',
      'retour',
      'volver',
      'powrót',
    ].join('|') +
    ')$',
  'i',
);

/**
 * "Read more: <link to another story>" in the languages of the evaluation corpora: a short
 * block opening with such a label and mostly made of a link points away from the article.
 */
export const RELATED_LABEL =
  /^(?:(?:read (?:more|also|next)|see also|related(?: stories| articles)?|more on this(?: story)?|lesen sie (?:auch|hier|mehr|weiter)|mehr zum thema|auch interessant|weiterlesen|lea (?:también|más|además)|lee también|mira|ver también|leia (?:também|mais)|veja também|(?:à )?lire aussi|voir aussi|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|leggi anche)(?![\p{L}\p{N}])\s*[:：\-–—]?|(?:mire|vea|lea|lee)\s*[:：])/iu;

/**
 * A date line standing alone ("Aktualisiert: 11.04.2020, 10:27", "Published April 3, 2020"):
 * an optional label, a date in figures or with a month name, an optional time of day.
 */
export const DATE_LINE = new RegExp(
  '^(?:(?:(?:last )?(?:updated|modified|published|posted|created)(?: on| at)?|' +
    '(?:zuletzt )?(?:aktualisiert|publiziert|veröffentlicht|erstellt|geändert)(?: am)?|stand(?: vom)?|' +
    'mis à jour(?: le)?|publié(?: le)?|actualizado(?: el)?|publicado(?: el)?|opublikowano|zaktualizowano)\\s*:?\\s*)?' +
    '(?:\\p{L}+\\.?,?\\s+)?' +
    '(?:\\d{1,2}[./-]\\s?\\d{1,2}[./-]\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.?\\s+\\p{L}+\\.?\\s+\\d{4}|\\p{L}+\\.?\\s+\\d{1,2},?\\s+\\d{4})' +
    '(?:(?:,|\\s+um|\\s+at|\\s+[-–|])?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*(?:am|pm|uhr|h))?)?$',
  'iu',
);

/**
 * A credit or source line ("Foto: Ingo Pertramer", "Crédits photos : Bestimage", "Quelle:
 * Landesregierung", a caption ending "© AFP / Name"): who made the picture or the text.
 */
export const CREDIT_LINE =
  /^(?:(?:photos?|images?|pictures?|fotos?|fot\.|bild(?:er)?|bildquelle|quelle|source|fuente|fonte|źródło|crédits?)(?: ?credits?| photos?)?\s*:|.*©)/iu;

/**
 * A call to act in the site's own voice ("Subscribe now to our ... edition", "download the
 * ... apps", "suscribirse aquí a nuestra newsletter"): a short block holding one is a promo.
 */
export const CALL_TO_ACTION =
  /\b(?:subscribe (?:now|today|here|to (?:our|the))|sign up (?:here|now|today)|download (?:the|our) .{0,40}\bapps?\b|follow us (?:on|at)|(?:our|unseren?|unserem|nuestr[ao]s?|notre|nos|naszego|nasz)(?: \p{L}+)? newsletters?|jetzt abonnieren|abonnieren sie|suscr[ií]b(?:ete|irse|ase)|abonnez-vous|inscrivez-vous|zapraszamy (?:też |także )?do subskrypcji)/iu;

/** A label opening the author's box ("Autoren:", "About the author"); the box goes with it. */
export const AUTHOR_LABEL =
  /^(?:about the authors?|über (?:den|die) autor(?:in|en)?|autor(?:in|en|innen|zy)?|authors?|auteurs?|à propos de l'auteur|sobre el autor|o autorze)$/iu;
