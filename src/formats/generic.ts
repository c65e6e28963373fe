/**
 * Generic ticket CSV: any export whose headers use common names. Matching is by headerKey
 * (case, accents and punctuation ignored), so `Ticket ID`, `ticket_id` and `ticket-id` are the
 * same, and so are `Priorität` and `prioritat`. Other formats reuse these synonyms for the
 * fields they do not name themselves.
 *
 * The English names come first, then the same fields' names in German, French, Spanish,
 * Portuguese, Dutch and Italian (an export saved by an agent whose helpdesk speaks that
 * language). A field takes the first of its names the header has, so an English header binds as
 * it did before these were added: the translated names are phrases or words no English export
 * uses for another field (a bare `Data`, `Client` or `Contact` is left out for that reason).
 */
import type { TicketField } from '../model.js';
import { type FormatDef } from './types.js';

/** Header names in English (the order is the preference among them: see formats/bind.ts). */
const ENGLISH: Record<TicketField, readonly string[]> = {
  ticketId: ['ticket_id', 'ticket id', 'id', 'ticket', 'ticket number', 'ticket_no', 'case_id', 'case number', 'case_ref', 'number', 'ref', 'reference', 'key', 'issue key', 'conversation id'],
  customerId: ['customer_id', 'customer', 'requester', 'requester_id', 'requester id', 'contact_id', 'contact id', 'user_id', 'user', 'author_id', 'author', 'client_id', 'customer_email', 'requester email', 'email address', 'caller', 'caller_id', 'account_id'],
  channel: ['channel', 'source', 'via', 'origin', 'contact_method', 'contact method', 'contact_type', 'medium', 'channel_type', 'ticket channel', 'case origin', 'submission channel'],
  createdAt: ['created_at', 'created', 'opened_at', 'opened', 'created_time', 'created time', 'created_date', 'created date', 'creation_date', 'date_created', 'date created', 'create_date', 'submitted_at', 'received_at', 'created_on', 'open_date', 'date_opened', 'opened_on', 'ticket created timestamp', 'started at', 'timestamp', 'date'],
  firstResponseAt: ['first_response_at', 'first reply', 'first_reply_at', 'first_replied_at', 'first response', 'first_responded_at', 'first_response_date', 'first reply at', 'first_response', 'initial_response_at', 'initial response time', 'first response time', 'first_response_time', 'responded_at'],
  firstResponseTime: ['first_response_seconds', 'first_response_minutes', 'first_response_hours', 'first_reply_minutes', 'first reply time in minutes', 'first_reply_seconds', 'time_to_first_response', 'first_response_duration', 'frt', 'frt_seconds', 'frt_minutes', 'response_time', 'response time'],
  resolvedAt: ['resolved_at', 'solved_at', 'closed_at', 'resolved', 'solved', 'closed', 'resolution_date', 'resolved_date', 'date_closed', 'closed_date', 'closed_on', 'resolved_on', 'resolved_time', 'closed time', 'resolved time', 'completed_at', 'ticket solved timestamp', 'time to resolution', 'time_to_resolution'],
  resolutionTime: ['resolution_seconds', 'resolution_minutes', 'resolution_hours', 'resolution_time', 'resolution time', 'full_resolution_time', 'time_to_resolve', 'resolution_duration', 'ttr'],
  status: ['status', 'state', 'ticket_status', 'ticket status', 'case status'],
  priority: ['priority', 'urgency', 'severity', 'ticket_priority', 'ticket priority'],
  category: ['category', 'type', 'ticket_type', 'ticket type', 'issue_type', 'topic', 'reason', 'case_type', 'case reason', 'subcategory'],
  group: ['group', 'team', 'queue', 'assignment_group', 'department'],
  followers: ['follower_count', 'followers', 'followers_count', 'user_followers_count', 'author_followers', 'audience'],
  isPublic: ['is_public', 'public', 'visibility', 'is_public_post'],
  text: ['text', 'body', 'description', 'message', 'content', 'ticket description', 'comment', 'first_message'],
  subject: ['subject', 'title', 'ticket subject', 'summary', 'headline'],
  tags: ['tags', 'labels', 'tag'],
  direction: ['direction', 'inbound_outbound', 'initiated_by'],
  spam: ['spam', 'is_spam', 'spam_flag', 'marked_as_spam'],
  deleted: ['deleted', 'is_deleted', 'deleted_at', 'trashed', 'trashed_at', 'trashed_datetime'],
};

/**
 * Header names in German, French, Spanish, Portuguese, Dutch and Italian, one line per language
 * in that order (accents may be written or not: headerKey drops them). Duration columns may carry
 * their unit in those languages too (`Erste Antwortzeit in Minuten`, `Tiempo de resolución
 * (horas)`: formats/durationHeader.ts).
 */
export const TRANSLATED_SYNONYMS: Partial<Record<TicketField, readonly string[]>> = {
  ticketId: [
    'Ticketnummer', 'Ticket-Nr.', 'Ticket Nr', 'Vorgangsnummer', 'Fallnummer', 'Nummer',
    'N° de ticket', 'N° du ticket', 'Numéro de ticket', 'Numéro du ticket', 'ID du ticket', 'ID de ticket', 'Numéro de la requête',
    'Número de ticket', 'Número del ticket', 'Nº de ticket', 'ID de ticket', 'Número del caso', 'Número de caso',
    'Número do ticket', 'Nº do ticket', 'ID do ticket', 'Número do caso',
    'Ticketnummer', 'Ticket-nr', 'Zaaknummer',
    'Numero ticket', 'Numero del ticket', 'ID ticket', 'Numero caso',
  ],
  customerId: [
    'Anfragender', 'Anfragende', 'Kunde', 'Kunden-ID', 'Kundennummer', 'Kunden-E-Mail',
    'Demandeur', 'ID client', 'ID du client', 'Numéro client', 'E-mail du client',
    'Solicitante', 'Cliente', 'ID de cliente', 'ID del cliente', 'Correo del cliente',
    'ID do cliente', 'E-mail do cliente',
    'Aanvrager', 'Klant', 'Klant-ID', 'Klantnummer',
    'Richiedente', 'ID cliente', 'Email cliente',
  ],
  channel: [
    'Kanal', 'Quelle', 'Herkunft', 'Eingangskanal', 'Kontaktkanal', 'Fallursprung',
    'Canal', 'Origine', 'Canal de contact', "Canal d'entrée", 'Origine de la requête',
    'Origen', 'Canal de contacto', 'Canal de entrada', 'Origen del caso',
    'Origem', 'Canal de atendimento', 'Origem do caso',
    'Kanaal', 'Bron', 'Contactkanaal',
    'Canale', 'Canale di contatto', 'Fonte',
  ],
  createdAt: [
    'Erstellt am', 'Erstellt', 'Erstellungsdatum', 'Erstelldatum', 'Angelegt am', 'Eröffnet am', 'Eingegangen am',
    'Créé le', 'Créé', 'Date de création', 'Créé à', 'Ouvert le', "Date d'ouverture", 'Reçu le',
    'Creado', 'Creado el', 'Fecha de creación', 'Fecha de apertura', 'Abierto el', 'Recibido el',
    'Criado em', 'Criado', 'Data de criação', 'Data de abertura', 'Aberto em', 'Recebido em',
    'Aangemaakt op', 'Aangemaakt', 'Gemaakt op', 'Aanmaakdatum', 'Geopend op', 'Ontvangen op',
    'Creato', 'Creato il', 'Data di creazione', 'Data creazione', 'Aperto il', 'Data di apertura', 'Ricevuto il',
    'Datum', 'Fecha',
  ],
  firstResponseAt: [
    'Erste Antwort', 'Erste Antwort am', 'Zeitpunkt der ersten Antwort', 'Erste Reaktion', 'Erste Reaktion am',
    'Première réponse', 'Première réponse le', 'Date de première réponse', 'Date de la première réponse',
    'Primera respuesta', 'Fecha de primera respuesta', 'Fecha de la primera respuesta',
    'Primeira resposta', 'Data da primeira resposta', 'Primeira resposta em',
    'Eerste reactie', 'Eerste reactie op', 'Eerste antwoord', 'Datum eerste reactie',
    'Prima risposta', 'Data prima risposta', 'Data della prima risposta',
  ],
  firstResponseTime: [
    'Erste Antwortzeit', 'Erstantwortzeit', 'Erstreaktionszeit', 'Zeit bis zur ersten Antwort', 'Antwortzeit', 'Reaktionszeit',
    'Temps de première réponse', 'Délai de première réponse', 'Temps de réponse', 'Délai de réponse',
    'Tiempo de primera respuesta', 'Tiempo hasta la primera respuesta', 'Tiempo de respuesta',
    'Tempo de primeira resposta', 'Tempo da primeira resposta', 'Tempo de resposta',
    'Eerste reactietijd', 'Reactietijd', 'Eerste antwoordtijd', 'Antwoordtijd',
    'Tempo di prima risposta', 'Tempo prima risposta', 'Tempo di risposta',
  ],
  resolvedAt: [
    'Gelöst am', 'Gelöst', 'Geschlossen am', 'Geschlossen', 'Lösungsdatum', 'Abgeschlossen am', 'Erledigt am',
    'Résolu le', 'Résolu', 'Fermé le', 'Fermé', 'Date de résolution', 'Date de clôture', 'Clôturé le',
    'Resuelto', 'Resuelto el', 'Cerrado', 'Cerrado el', 'Fecha de resolución', 'Fecha de cierre',
    'Resolvido em', 'Resolvido', 'Fechado em', 'Fechado', 'Data de resolução', 'Data de fechamento', 'Data de encerramento',
    'Opgelost op', 'Opgelost', 'Gesloten op', 'Gesloten', 'Datum opgelost', 'Oplosdatum', 'Sluitingsdatum',
    'Risolto il', 'Risolto', 'Chiuso il', 'Chiuso', 'Data di risoluzione', 'Data risoluzione', 'Data di chiusura', 'Data chiusura',
  ],
  resolutionTime: [
    'Lösungszeit', 'Vollständige Lösungszeit', 'Zeit bis zur Lösung',
    'Temps de résolution', 'Délai de résolution',
    'Tiempo de resolución', 'Tiempo hasta la resolución',
    'Tempo de resolução', 'Tempo até a resolução',
    'Oplostijd',
    'Tempo di risoluzione', 'Tempo risoluzione',
  ],
  status: [
    'Statut', 'Statut du ticket',
    'Estado', 'Estado del ticket',
    'Estado do ticket', 'Situação',
    'Stato', 'Stato del ticket',
  ],
  priority: [
    'Priorität', 'Dringlichkeit',
    'Priorité', 'Urgence',
    'Prioridad', 'Urgencia',
    'Prioridade', 'Urgência',
    'Prioriteit', 'Urgentie',
    'Priorità', 'Urgenza',
  ],
  category: [
    'Kategorie', 'Typ', 'Tickettyp', 'Ticket-Typ', 'Thema', 'Anliegen',
    'Catégorie', 'Type de ticket', 'Thème', 'Motif',
    'Categoría', 'Tipo', 'Tipo de ticket', 'Tema', 'Motivo',
    'Categoria', 'Tipo do ticket',
    'Categorie', 'Soort',
    'Tipo di ticket', 'Argomento',
  ],
  group: [
    'Gruppe', 'Abteilung', 'Warteschlange', 'Zuständige Gruppe',
    'Groupe', 'Équipe', 'Département', "File d'attente",
    'Grupo', 'Equipo', 'Departamento',
    'Equipe',
    'Groep', 'Afdeling', 'Wachtrij',
    'Gruppo', 'Squadra', 'Reparto',
  ],
  followers: [
    'Anzahl Follower', 'Follower-Anzahl',
    'Abonnés', "Nombre d'abonnés",
    'Seguidores', 'Número de seguidores',
    'Número de seguidores',
    'Volgers', 'Aantal volgers',
    'Numero di follower',
  ],
  text: [
    'Beschreibung', 'Nachricht', 'Inhalt',
    'Message du client', 'Contenu',
    'Descripción', 'Mensaje', 'Contenido',
    'Descrição', 'Mensagem', 'Conteúdo',
    'Beschrijving', 'Omschrijving', 'Inhoud',
    'Descrizione', 'Messaggio', 'Contenuto',
  ],
  subject: [
    'Betreff', 'Titel',
    'Objet', 'Sujet', 'Titre',
    'Asunto', 'Título',
    'Assunto',
    'Onderwerp',
    'Oggetto', 'Titolo',
  ],
  tags: [
    'Schlagwörter', 'Stichwörter',
    'Étiquettes', 'Mots-clés',
    'Etiquetas',
    'Etiquetas',
    'Trefwoorden',
    'Etichette',
  ],
};

/** Every field's names: the English ones first, then the translated ones (duplicates once). */
export const GENERIC_SYNONYMS: Record<TicketField, readonly string[]> = { ...ENGLISH };
for (const field of Object.keys(TRANSLATED_SYNONYMS) as TicketField[]) {
  GENERIC_SYNONYMS[field] = [...new Set([...ENGLISH[field], ...(TRANSLATED_SYNONYMS[field] ?? [])])];
}

export const generic: FormatDef = {
  id: 'generic',
  label: 'generic ticket CSV',
  // The fallback: chosen when no vendor format is more certain.
  detect: () => 0.1,
  synonyms: GENERIC_SYNONYMS,
};
