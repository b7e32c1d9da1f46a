import type { TIndustryPack } from "../schema";

/** Residential cleaning: recurring, deep and move-out cleans. Prices: US 2026, integer cents. */
export const houseCleaningPack = {
  key: "house-cleaning",
  icon: "SprayCan",
  name: { en: "House Cleaning", es: "Limpieza de casas" },
  description: {
    en: "Residential cleaning services: recurring visits, deep cleans, move-in and move-out cleans, and add-ons.",
    es: "Servicios de limpieza residencial: visitas recurrentes, limpiezas profundas, limpiezas de mudanza y servicios adicionales.",
  },
  exampleBusinessName: { en: "Fresh Nest Cleaning Co.", es: "Casa Limpia Servicios de Limpieza" },
  services: [
    {
      key: "standard-cleaning",
      name: { en: "Standard Cleaning", es: "Limpieza estándar" },
      description: {
        en: "Dusting, vacuuming and mopping, plus kitchen and bathroom surfaces, for a home of up to three bedrooms.",
        es: "Sacudir, aspirar y trapear, además de las superficies de la cocina y los baños, para casas de hasta tres recámaras.",
      },
      durationMinutes: 150,
      priceCents: 16900,
    },
    {
      key: "recurring-biweekly",
      name: { en: "Biweekly Recurring Cleaning", es: "Limpieza recurrente cada dos semanas" },
      description: {
        en: "A standard cleaning every two weeks at a lower rate. Same day, same time and, whenever possible, the same cleaner.",
        es: "Una limpieza estándar cada dos semanas a un precio más bajo. El mismo día, a la misma hora y, siempre que sea posible, con la misma persona.",
      },
      durationMinutes: 150,
      priceCents: 14500,
    },
    {
      key: "deep-cleaning",
      name: { en: "Deep Cleaning", es: "Limpieza profunda" },
      description: {
        en: "Everything in a standard cleaning plus baseboards, door frames, light switches, cabinet fronts and built-up grime. Ideal for a first visit.",
        es: "Todo lo de una limpieza estándar, más zoclos, marcos de puertas, apagadores, frentes de gabinetes y mugre acumulada. Ideal para la primera visita.",
      },
      durationMinutes: 300,
      priceCents: 29900,
    },
    {
      key: "move-in-out-cleaning",
      name: { en: "Move-In / Move-Out Cleaning", es: "Limpieza de mudanza (entrada o salida)" },
      description: {
        en: "A top-to-bottom clean of an empty home, including inside cabinets, drawers and appliances, to help you get your deposit back.",
        es: "Una limpieza de arriba abajo de una casa vacía, incluido el interior de gabinetes, cajones y electrodomésticos, para ayudarle a recuperar su depósito.",
      },
      durationMinutes: 360,
      priceCents: 37900,
    },
    {
      key: "inside-oven",
      name: { en: "Inside Oven (Add-On)", es: "Interior del horno (adicional)" },
      description: {
        en: "Degreasing and scrubbing the inside of the oven, racks and door glass.",
        es: "Desengrasado y tallado del interior del horno, las parrillas y el vidrio de la puerta.",
      },
      durationMinutes: 30,
      priceCents: 3500,
    },
    {
      key: "inside-fridge",
      name: { en: "Inside Fridge (Add-On)", es: "Interior del refrigerador (adicional)" },
      description: {
        en: "We empty, wipe and sanitize the shelves and drawers, then put everything back in place.",
        es: "Vaciamos, limpiamos y desinfectamos las repisas y los cajones, y luego acomodamos todo de nuevo en su lugar.",
      },
      durationMinutes: 30,
      priceCents: 3500,
    },
    {
      key: "interior-windows",
      name: { en: "Interior Windows (Add-On)", es: "Ventanas interiores (adicional)" },
      description: {
        en: "Streak-free cleaning of interior glass, sills and tracks on reachable windows.",
        es: "Limpieza sin marcas de los vidrios interiores, los alféizares y los rieles de las ventanas a nuestro alcance.",
      },
      durationMinutes: 60,
      priceCents: 5900,
    },
    {
      key: "laundry-wash-fold",
      name: { en: "Laundry Wash & Fold (Add-On)", es: "Lavado y doblado de ropa (adicional)" },
      description: {
        en: "We wash, dry and fold one load of laundry during your cleaning, using your machines.",
        es: "Lavamos, secamos y doblamos una carga de ropa durante la limpieza, usando sus aparatos.",
      },
      durationMinutes: 30,
      priceCents: 2500,
    },
  ],
  faq: [
    {
      question: { en: "Do I need to be home during the cleaning?", es: "¿Necesito estar en casa durante la limpieza?" },
      answer: {
        en: "No. Many clients leave us a key, a lockbox or a door code. Just add your entry instructions to your profile and we will take care of the rest.",
        es: "No. Muchos clientes nos dejan una llave, una caja de seguridad o un código de acceso. Solo agregue las instrucciones de entrada a su perfil y nosotros nos encargamos del resto.",
      },
    },
    {
      question: { en: "Do you bring your own supplies?", es: "¿Ustedes traen sus propios productos?" },
      answer: {
        en: "Yes, we bring all supplies and equipment. If you prefer that we use your products, such as fragrance-free or eco-friendly ones, just let us know.",
        es: "Sí, llevamos todos los productos y el equipo. Si prefiere que usemos sus propios productos, por ejemplo sin fragancia o ecológicos, solo avísenos.",
      },
    },
    {
      question: { en: "What about my pets?", es: "¿Qué pasa con mis mascotas?" },
      answer: {
        en: "We love pets! Friendly pets can stay out. If your pet is nervous around visitors, please keep it in a closed room or crate while we clean.",
        es: "¡Nos encantan las mascotas! Si son tranquilas pueden quedarse sueltas. Si su mascota se pone nerviosa con las visitas, le pedimos que la deje en un cuarto cerrado o en su jaula mientras limpiamos.",
      },
    },
    {
      question: { en: "How long does a cleaning take?", es: "¿Cuánto tarda una limpieza?" },
      answer: {
        en: "A standard cleaning of a three-bedroom home takes about two and a half hours. Deep and move-out cleans take five to six hours, depending on the size and condition of the home.",
        es: "Una limpieza estándar de una casa de tres recámaras tarda unas dos horas y media. Las limpiezas profundas y de mudanza tardan de cinco a seis horas, según el tamaño y el estado de la casa.",
      },
    },
    {
      question: { en: "What if I am not happy with the cleaning?", es: "¿Qué pasa si no quedo satisfecho con la limpieza?" },
      answer: {
        en: "Let us know within 24 hours and we will come back to re-clean the areas you are not happy with, free of charge.",
        es: "Avísenos dentro de las 24 horas siguientes y regresamos a limpiar de nuevo las áreas que no le gustaron, sin ningún costo.",
      },
    },
    {
      question: { en: "What is your cancellation policy?", es: "¿Cuál es su política de cancelación?" },
      answer: {
        en: "Please give us at least 48 hours' notice to cancel or reschedule. Late cancellations or lockouts may be charged a fee.",
        es: "Le pedimos avisar con al menos 48 horas de anticipación para cancelar o cambiar su cita. Las cancelaciones tardías, o si no podemos entrar a la casa, pueden tener un cargo.",
      },
    },
    {
      question: {
        en: "Are your cleaners insured and background-checked?",
        es: "¿Su personal está asegurado y tiene verificación de antecedentes?",
      },
      answer: {
        en: "Yes. Every member of our team passes a background check, and we carry liability insurance for your peace of mind.",
        es: "Sí. Todo nuestro equipo pasa una verificación de antecedentes y contamos con seguro de responsabilidad civil para su tranquilidad.",
      },
    },
    {
      question: { en: "How do I pay? Should I tip?", es: "¿Cómo se paga? ¿Debo dejar propina?" },
      answer: {
        en: "We charge the card on file after each cleaning. Tips are never expected but always appreciated, and they go 100% to your cleaner.",
        es: "Cobramos a la tarjeta registrada después de cada limpieza. La propina nunca es obligatoria, pero siempre se agradece, y es 100% para la persona que limpió su casa.",
      },
    },
  ],
  customerFields: [
    {
      key: "homeSize",
      label: { en: "Home size (bedrooms / bathrooms / sq ft)", es: "Tamaño de la casa (recámaras / baños / pies cuadrados)" },
      type: "text",
    },
    { key: "entryInstructions", label: { en: "Entry instructions", es: "Instrucciones de entrada" }, type: "text" },
  ],
  config: {
    HOURS: {
      weekly: {
        mon: [{ open: "08:00", close: "17:00" }],
        tue: [{ open: "08:00", close: "17:00" }],
        wed: [{ open: "08:00", close: "17:00" }],
        thu: [{ open: "08:00", close: "17:00" }],
        fri: [{ open: "08:00", close: "17:00" }],
        sat: [{ open: "09:00", close: "14:00" }],
        sun: [],
      },
    },
    AI: {
      persona: {
        en: "A warm, reassuring and concise assistant for a residential cleaning company. It understands the difference between standard, deep and move-out cleanings and asks about home size to suggest the right one. It only quotes prices from the service list, never invents them, and offers to book a visit. When it is unsure, or a customer has a complaint or special request, it hands the conversation to a team member.",
        es: "Un asistente cálido, tranquilizador y conciso para una empresa de limpieza residencial. Entiende la diferencia entre una limpieza estándar, una profunda y una de mudanza, y pregunta por el tamaño de la casa para recomendar la adecuada. Solo da precios de la lista de servicios, nunca los inventa, y ofrece agendar una visita. Cuando tiene dudas, o el cliente tiene una queja o una petición especial, pasa la conversación a una persona del equipo.",
      },
      greeting: {
        en: "Thanks for calling {{businessName}}! I can help you schedule a cleaning or answer any questions about our services. How can I help?",
        es: "¡Gracias por llamar a {{businessName}}! Con gusto le ayudo a programar una limpieza o a resolver sus dudas sobre nuestros servicios. ¿En qué le puedo ayudar?",
      },
      tone: "FRIENDLY",
    },
    SITE: {
      headline: { en: "Come home to a spotless house", es: "Llegue a una casa impecable" },
      tagline: {
        en: "Trusted, insured house cleaning: recurring, deep and move-out cleans.",
        es: "Limpieza de casas confiable y asegurada: limpiezas recurrentes, profundas y de mudanza.",
      },
      about: {
        en: "{{businessName}} is a local, insured cleaning team that treats every home like our own. We bring the supplies, follow your checklist and stand behind every visit.",
        es: "{{businessName}} es un equipo local de limpieza, asegurado, que cuida cada casa como si fuera la nuestra. Llevamos los productos, seguimos sus indicaciones al pie de la letra y respaldamos cada visita.",
      },
      primaryColor: "#0D9488",
      blocks: ["hero", "services", "reviews", "about", "faq", "loyalty", "hours", "contact"],
    },
    LOYALTY: {
      pointsPerDollar: 1,
      welcomeBonusPoints: 100,
      rewardThresholdPoints: 800,
      rewardDescription: { en: "$50 off your next cleaning", es: "$50 de descuento en su próxima limpieza" },
    },
  },
} satisfies TIndustryPack;
