import type { TLeadFormField, TLocale } from '@clientela/contract';

/** Why a field of a submitted form was refused; each has a sentence in every language. */
export type SubmissionProblem = 'required' | 'email' | 'phone' | 'too_long' | 'identity';

/** The page chrome of a public web form, in the form's language (the form's own texts come from its settings). */
export type WebFormTexts = {
  fields: Record<TLeadFormField, string>;
  send: string;
  required: string;
  defaultTitle: string;
  defaultThanks: string;
  errorsIntro: string;
  problems: Record<SubmissionProblem, string>;
  notFoundTitle: string;
  notFound: string;
  tooManyTitle: string;
  tooMany: string;
  /** The label of the trap field robots fill in (hidden from people). */
  honeypot: string;
  /** The title of the assignment the lead's owner gets ("Call back Anna Rossi"). */
  callBack: string;
};

export const WEB_FORM_TEXTS: Record<TLocale, WebFormTexts> = {
  en: {
    fields: {
      firstName: 'First name',
      lastName: 'Last name',
      companyName: 'Company',
      position: 'Position',
      email: 'E-mail',
      phone: 'Phone',
      city: 'City',
      message: 'Message',
    },
    send: 'Send',
    required: 'required',
    defaultTitle: 'Contact us',
    defaultThanks: 'Thank you! We have received your request and will get back to you soon.',
    errorsIntro: 'Please correct the highlighted fields.',
    problems: {
      required: 'This field is required.',
      email: 'Enter a valid e-mail address.',
      phone: 'Enter a valid phone number.',
      too_long: 'This text is too long.',
      identity: 'Tell us at least your name, company, e-mail or phone.',
    },
    notFoundTitle: 'Form not available',
    notFound: 'This form does not exist or is no longer accepting requests.',
    tooManyTitle: 'Too many requests',
    tooMany: 'You have sent this form too many times. Please wait a minute and try again.',
    honeypot: 'Leave this field empty',
    callBack: 'Call back',
  },
  ru: {
    fields: {
      firstName: 'Имя',
      lastName: 'Фамилия',
      companyName: 'Компания',
      position: 'Должность',
      email: 'Эл. почта',
      phone: 'Телефон',
      city: 'Город',
      message: 'Сообщение',
    },
    send: 'Отправить',
    required: 'обязательно',
    defaultTitle: 'Свяжитесь с нами',
    defaultThanks: 'Спасибо! Мы получили вашу заявку и скоро с вами свяжемся.',
    errorsIntro: 'Пожалуйста, исправьте отмеченные поля.',
    problems: {
      required: 'Заполните это поле.',
      email: 'Введите корректный адрес электронной почты.',
      phone: 'Введите корректный номер телефона.',
      too_long: 'Слишком длинный текст.',
      identity: 'Укажите хотя бы имя, компанию, почту или телефон.',
    },
    notFoundTitle: 'Форма недоступна',
    notFound: 'Такой формы нет, или она больше не принимает заявки.',
    tooManyTitle: 'Слишком много заявок',
    tooMany: 'Вы отправили эту форму слишком много раз. Подождите минуту и попробуйте снова.',
    honeypot: 'Оставьте это поле пустым',
    callBack: 'Перезвонить',
  },
  it: {
    fields: {
      firstName: 'Nome',
      lastName: 'Cognome',
      companyName: 'Azienda',
      position: 'Ruolo',
      email: 'E-mail',
      phone: 'Telefono',
      city: 'Città',
      message: 'Messaggio',
    },
    send: 'Invia',
    required: 'obbligatorio',
    defaultTitle: 'Contattaci',
    defaultThanks: 'Grazie! Abbiamo ricevuto la tua richiesta e ti ricontatteremo presto.',
    errorsIntro: 'Correggi i campi evidenziati.',
    problems: {
      required: 'Questo campo è obbligatorio.',
      email: 'Inserisci un indirizzo e-mail valido.',
      phone: 'Inserisci un numero di telefono valido.',
      too_long: 'Il testo è troppo lungo.',
      identity: 'Indica almeno nome, azienda, e-mail o telefono.',
    },
    notFoundTitle: 'Modulo non disponibile',
    notFound: 'Questo modulo non esiste o non accetta più richieste.',
    tooManyTitle: 'Troppe richieste',
    tooMany: 'Hai inviato questo modulo troppe volte. Attendi un minuto e riprova.',
    honeypot: 'Lascia vuoto questo campo',
    callBack: 'Richiamare',
  },
};
